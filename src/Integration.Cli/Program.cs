return await Integration.Cli.AdminCli.RunAsync(args, Console.Out, Console.Error);

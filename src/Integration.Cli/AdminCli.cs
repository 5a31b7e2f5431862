using System.CommandLine;
using System.CommandLine.Invocation;

namespace Integration.Cli;

/// <summary>
/// <c>integration-admin</c>: the internal teams' command line for the admin API. Connection settings come from
/// options or the environment (INTEGRATION_ADMIN_URL, INTEGRATION_ADMIN_CLIENT_ID, INTEGRATION_ADMIN_CLIENT_SECRET).
/// </summary>
public static class AdminCli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null) =>
        RunAsync(args, output, error, handler, Environment.GetEnvironmentVariable);

    /// <param name="environment">Where the INTEGRATION_ADMIN_* variables are read (the process environment outside tests).</param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler, Func<string, string?> environment)
    {
        var options = new CliOptions();
        var runner = new CliRunner(options, environment, handler, output, error);
        var root = new RootCommand("Internal teams' tool for the Partner Integration Platform admin API.");
        options.AddTo(root);
        root.Subcommands.Add(PartnerCommands.Create(runner));
        root.Subcommands.Add(CredentialCommands.Create(runner));
        root.Subcommands.Add(ApplicationCommands.Create(runner));
        root.Subcommands.Add(AgreementCommands.Create(runner));
        root.Subcommands.Add(DisputeCommands.Create(runner));
        root.Subcommands.Add(SettlementCommands.Create(runner));
        root.Subcommands.Add(PayoutCommands.Create(runner));
        root.Subcommands.Add(OrderCommands.Create(runner));
        root.Subcommands.Add(AuditCommands.Create(runner));

        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }
            await error.WriteLineAsync("Run with --help for the commands and their options.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}

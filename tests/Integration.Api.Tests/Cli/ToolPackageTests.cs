using System.Diagnostics;
using Integration.Api.Tests.Infrastructure;
using Integration.Cli;

namespace Integration.Api.Tests.Cli;

/// <summary>scripts/install-admin-cli.sh packs the command line as a dotnet tool and installs it where an operator asks.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task TheScript_InstallsIntegrationAdminIntoAToolPath_AndTheInstalledToolRuns()
    {
        var scratch = Directory.CreateTempSubdirectory("admin-cli-");
        try
        {
            var tools = Path.Combine(scratch.FullName, "tools");
            var installed = await RunAsync("bash", [RepositoryFiles.PathOf("scripts", "install-admin-cli.sh"), "--tool-path", tools],
                ("ADMIN_CLI_FEED", Path.Combine(scratch.FullName, "feed")));
            var tool = Path.Combine(tools, "integration-admin");
            var help = await RunAsync(tool, ["--help"]);
            var withoutCredential = await RunAsync(tool, ["partners", "list", "--url", "http://127.0.0.1:5629"]);

            Assert.True(installed.ExitCode == 0, installed.Output);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("payouts", help.Output);
            Assert.Equal(ExitCodes.Usage, withoutCredential.ExitCode);
            Assert.Contains("INTEGRATION_ADMIN_CLIENT_SECRET", withoutCredential.Output);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFiles.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("INTEGRATION_ADMIN_CLIENT_ID");
        start.Environment.Remove("INTEGRATION_ADMIN_CLIENT_SECRET");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

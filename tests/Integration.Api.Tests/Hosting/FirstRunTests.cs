using System.Diagnostics;
using System.Text;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Hosting;

/// <summary>
/// A developer's first run, as a real process started from a directory that is not the project's
/// (as <c>dotnet path/Integration.Api.dll</c> or a service manager would): the application's own
/// configuration applies, the credentials are printed, and nothing is logged as a warning.
/// </summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("first-run-").FullName;

    [Fact]
    public async Task FirstRun_FromAnotherDirectory_PrintsTheCredentials_UsesItsOwnSettings_AndWarnsOfNothing()
    {
        var run = await RunUntilStartedAsync();

        Assert.True(run.Started, run.Output);
        Assert.Equal(2, CountOf(run.Output, "client_secret:"));
        var complaints = run.Output.Split('\n').Where(l => l.StartsWith("warn:") || l.StartsWith("fail:") || l.StartsWith("crit:")).ToList();
        Assert.True(complaints.Count == 0, run.Output);
        // appsettings.json quiets EF's SQL log; ignored, it printed thousands of lines
        Assert.DoesNotContain("Executed DbCommand", run.Output);
        Assert.Contains($"Content root path: {AppContext.BaseDirectory.TrimEnd('/')}", run.Output);
        Assert.False(Directory.Exists(Path.Combine(_elsewhere, "data")));
    }

    [Fact]
    public async Task ABadSetting_StopsStartUp_NamingTheSettingAndWhatIsAllowed()
    {
        var run = await RunUntilStartedAsync(("Api__MaxRequestBodyBytes", "10"));

        Assert.False(run.Started, run.Output);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Api:MaxRequestBodyBytes", run.Output);
        Assert.Contains("at least 1024", run.Output);
        Assert.DoesNotContain("   at ", run.Output); // a message for an operator, not a stack trace
    }

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    /// <summary>Runs the platform in Development on a fresh database until it listens (then stops it) or exits.</summary>
    private async Task<(bool Started, int? ExitCode, string Output)> RunUntilStartedAsync(params (string Name, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _elsewhere,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(_elsewhere, "first-run", "integration.db")}";
        // The development audit key would be written beside the application; the test keeps it out of the build output.
        start.Environment["Audit__ChainKeys__0__Id"] = PlatformFactory.AuditKeyId;
        start.Environment["Audit__ChainKeys__0__Key"] = PlatformFactory.AuditKey;
        start.Environment["Audit__CheckpointDirectory"] = Path.Combine(_elsewhere, "checkpoints");
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var started = new TaskCompletionSource();
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.Append(line).Append('\n');
            }
            if (line.Contains("Content root path:", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var exited = process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(started.Task, exited);
        var didStart = first == started.Task;
        if (didStart)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync(CancellationToken.None);
        lock (output)
        {
            return (didStart, didStart ? null : process.ExitCode, output.ToString());
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Integration.Benchmarks;

/// <summary>
/// Drives a throughput scenario with wrk (Debian package <c>wrk</c>), a C load generator that takes
/// far less of the shared 2 cores than an in-process HttpClient, so the figure is closer to what the
/// server itself can do. The Lua script shapes each request; only loopback URLs are ever given.
/// </summary>
public static partial class WrkRunner
{
    public static bool IsAvailable => File.Exists("/usr/bin/wrk");

    public static async Task<LoadResult> RunAsync(string name, Uri url, string luaScript, int connections, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, luaScript);
        try
        {
            await RunWrkAsync(url, script, connections, TimeSpan.FromSeconds(3)); // warm-up
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var output = await RunWrkAsync(url, script, connections, duration);
            self.Refresh();
            var cpu = self.TotalProcessorTime - cpuBefore;
            var requests = long.Parse(Completed().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            // wrk prints the run's length as "20.01s" or, from a minute on, "1.00m".
            var elapsed = Elapsed().Match(output);
            var seconds = double.Parse(elapsed.Groups[1].Value, CultureInfo.InvariantCulture) * (elapsed.Groups[2].Value == "m" ? 60 : 1);
            var non2xx = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            return new LoadResult(name + " [wrk]", requests - non2xx, non2xx, TimeSpan.FromSeconds(seconds),
                Percentile(output, "50%"), double.NaN /* wrk reports p90, not p95 */, Percentile(output, "99%"), cpu);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<string> RunWrkAsync(Uri url, string script, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, url.ToString() })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    // wrk's latency distribution lines: "     50%    1.02ms"
    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Completed();

    [GeneratedRegex(@"requests in ([\d.]+)(s|m)")]
    private static partial Regex Elapsed();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
}

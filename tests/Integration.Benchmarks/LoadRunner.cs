using System.Diagnostics;

namespace Integration.Benchmarks;

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers each send a request, wait for the
/// answer, and send the next, for a fixed time after a warm-up. Bounded in count and time; it only
/// ever targets the loopback host it is given.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        string name, int concurrency, TimeSpan warmUp, TimeSpan duration,
        Func<int, Task<bool>> request, long maxRequests = 5_000_000)
    {
        await RunPhaseAsync(concurrency, warmUp, request, maxRequests, latencies: null);
        var latencies = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            latencies[i] = new List<double>(16_384);
        }
        var stopwatch = Stopwatch.StartNew();
        var (ok, failed) = await RunPhaseAsync(concurrency, duration, request, maxRequests, latencies);
        stopwatch.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, ok, failed, stopwatch.Elapsed, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99));
    }

    private static async Task<(long Ok, long Failed)> RunPhaseAsync(
        int concurrency, TimeSpan duration, Func<int, Task<bool>> request, long maxRequests, List<double>[]? latencies)
    {
        long ok = 0, failed = 0, issued = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var started = Stopwatch.GetTimestamp();
                var success = await request(worker);
                latencies?[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (success) Interlocked.Increment(ref ok); else Interlocked.Increment(ref failed);
            }
        }));
        await Task.WhenAll(workers);
        return (ok, failed);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

public sealed record LoadResult(string Name, long Ok, long Failed, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;

    public string ToMarkdownRow() =>
        $"| {Name} | {PerSecond:N0} | {P50Ms:0.00} | {P95Ms:0.00} | {P99Ms:0.00} | {Ok:N0} | {Failed:N0} |";

    public const string MarkdownHeader =
        "| scenario | requests/s | p50 ms | p95 ms | p99 ms | ok | failed |\n|---|---:|---:|---:|---:|---:|---:|";
}

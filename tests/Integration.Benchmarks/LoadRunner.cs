using System.Diagnostics;

namespace Integration.Benchmarks;

public sealed record Scenario(string Name, Func<int, Task<bool>> Request);

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers each send a request, wait for the
/// answer, and send the next. Scenarios run interleaved in several short rounds, so that a slow
/// spell of the (shared, virtual) machine hits every scenario alike and ratios between them hold.
/// Bounded in count and time; it only ever targets the loopback host it is given.
/// </summary>
public static class LoadRunner
{
    public static async Task<IReadOnlyList<LoadResult>> RunInterleavedAsync(
        IReadOnlyList<Scenario> scenarios, int concurrency, TimeSpan warmUp, TimeSpan duration, int rounds = 5)
    {
        foreach (var scenario in scenarios)
        {
            await RunPhaseAsync(concurrency, warmUp / Math.Max(1, scenarios.Count), scenario.Request, latencies: null);
        }
        var totals = scenarios.ToDictionary(s => s.Name, _ => (Ok: 0L, Failed: 0L, Elapsed: TimeSpan.Zero, Latencies: new List<double>()));
        var slice = duration / rounds;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var scenario in scenarios)
            {
                var latencies = Enumerable.Range(0, concurrency).Select(_ => new List<double>(4096)).ToArray();
                var stopwatch = Stopwatch.StartNew();
                var (ok, failed) = await RunPhaseAsync(concurrency, slice, scenario.Request, latencies);
                stopwatch.Stop();
                var total = totals[scenario.Name];
                total.Latencies.AddRange(latencies.SelectMany(l => l));
                totals[scenario.Name] = (total.Ok + ok, total.Failed + failed, total.Elapsed + stopwatch.Elapsed, total.Latencies);
            }
        }
        return scenarios.Select(s =>
        {
            var t = totals[s.Name];
            var sorted = t.Latencies.Order().ToArray();
            return new LoadResult(s.Name, t.Ok, t.Failed, t.Elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
        }).ToList();
    }

    /// <summary>Sends the requests one after another, timing each: for bulk calls, whose throughput is rows per call.</summary>
    public static async Task<LoadResult> RunSequentialAsync(string name, IReadOnlyList<Func<Task>> requests)
    {
        var latencies = new List<double>(requests.Count);
        var total = Stopwatch.StartNew();
        foreach (var request in requests)
        {
            var started = Stopwatch.GetTimestamp();
            await request();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        total.Stop();
        var sorted = latencies.Order().ToArray();
        return new LoadResult(name, requests.Count, 0, total.Elapsed, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.95) - 1], sorted[^1]);
    }

    private static async Task<(long Ok, long Failed)> RunPhaseAsync(
        int concurrency, TimeSpan duration, Func<int, Task<bool>> request, List<double>[]? latencies, long maxRequests = 10_000_000)
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

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <param name="ProcessCpu">CPU time this process (the platform, without an outside load generator) spent on the measured requests, when measured.</param>
public sealed record LoadResult(string Name, long Ok, long Failed, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms, TimeSpan? ProcessCpu = null)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;

    /// <summary>Microseconds of CPU per request: what a request costs the server, much less swayed by other work on a shared machine than <see cref="PerSecond"/>.</summary>
    public double CpuMicrosecondsPerRequest => ProcessCpu is { } cpu && Ok + Failed > 0 ? cpu.TotalMicroseconds / (Ok + Failed) : double.NaN;

    /// <summary>Rounds of one scenario as one result: throughput is exact, the percentiles are the rounds' average (their raw latencies are gone).</summary>
    public static LoadResult Combine(IGrouping<string, LoadResult> runs)
    {
        var list = runs.ToList();
        TimeSpan? cpu = list.All(r => r.ProcessCpu is not null) ? TimeSpan.FromTicks(list.Sum(r => r.ProcessCpu!.Value.Ticks)) : null;
        return new LoadResult(runs.Key, list.Sum(r => r.Ok), list.Sum(r => r.Failed), TimeSpan.FromTicks(list.Sum(r => r.Elapsed.Ticks)),
            list.Average(r => r.P50Ms), list.Average(r => r.P95Ms), list.Average(r => r.P99Ms), cpu);
    }

    public string ToMarkdownRow() =>
        $"| {Name} | {PerSecond:N0} | {Ms(P50Ms)} | {Ms(P95Ms)} | {Ms(P99Ms)} | {Ok:N0} | {Failed:N0} |";

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public const string MarkdownHeader =
        "| scenario | requests/s | p50 ms | p95 ms | p99 ms | ok | failed |\n|---|---:|---:|---:|---:|---:|---:|";
}

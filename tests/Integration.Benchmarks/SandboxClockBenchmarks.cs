using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Core.Common;
using Integration.Core.Orders;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 21: one 30-day sandbox clock advance over N open orders (each confirmed, shipped and delivered on
/// the way: 3 order steps, and a carrier call per delivery). The orders are inserted straight into the
/// database, placed in the day before the advance; each size runs in a process of its own, on a fresh host and database. Reports the
/// advance's wall time, ms per order, the process's live heap just before the advance (after seeding), and its peak
/// working set and peak live heap while the advance ran: what the advance itself holds is the difference of the two heaps.
/// </summary>
public static class SandboxClockBenchmarks
{
    public static async Task RunAsync(BenchmarkSettings settings, string[] args)
    {
        Console.WriteLine("| open orders | advance P30D | ms/order | order steps | held back | peak working set | live heap before | peak live heap | batch size |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        if (settings.OpenOrders.Count > 1)
        {
            // A process per size. A disposed WebApplicationFactory host stays reachable in the process that built it (a thread
            // started while it was built keeps that execution context, and with it the host: about 10-20 MB each), so in one
            // process every later size's heap would also count the earlier sizes' hosts.
            foreach (var size in settings.OpenOrders)
            {
                Console.WriteLine(await RunInOwnProcessAsync(args, size));
            }
            return;
        }
        foreach (var size in settings.OpenOrders)
        {
            var extra = new Dictionary<string, string>();
            if (settings.BatchSize is { } batchSize)
            {
                extra["Sandbox:AdvanceBatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture);
            }
            await using var host = new BenchmarkHost(settings.Provider, settings.PostgresConnection, extra);
            await host.StartAsync();
            Console.WriteLine(await AdvanceAsync(host, size, settings.BatchSize));
        }
    }

    private static async Task<string> RunInOwnProcessAsync(string[] args, int size)
    {
        var arguments = args.ToList();
        var at = arguments.IndexOf("--open-orders");
        if (at < 0)
        {
            arguments.Add("--open-orders");
            arguments.Add("");
            at = arguments.Count - 2;
        }
        arguments[at + 1] = size.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SandboxClockBenchmarks).Assembly.Location);
        }
        arguments.ForEach(start.ArgumentList.Add);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var rows = output.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal) && line.Length > 2 && char.IsAsciiDigit(line[2])).ToList();
        return child.ExitCode == 0 && rows.Count == 1
            ? rows[0].TrimEnd()
            : throw new InvalidOperationException($"The run with {size} open orders failed (exit code {child.ExitCode}):\n{output}");
    }

    private static async Task<string> AdvanceAsync(BenchmarkHost host, int orders, int? batchSize)
    {
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        var partner = await admin.PostAsJsonAsync("/admin/v1/partners", new
        {
            name = "Clock bench", tier = "advanced", creditRating = "B", cooperationMode = "regional_distribution", regionCode = "CN-SH",
        });
        partner.EnsureSuccessStatusCode();
        var partnerId = (await partner.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        var issued = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/credentials", new { environment = "sandbox", scopes = Core.Credentials.ApiScopes.PartnerScopes });
        issued.EnsureSuccessStatusCode();
        var credential = (await issued.Content.ReadFromJsonAsync<JsonNode>())!;
        var seeding = Stopwatch.StartNew();
        await SeedOpenOrdersAsync(host, partnerId, orders);
        var client = host.CreateClient();
        client.Timeout = TimeSpan.FromHours(2);
        // Access tokens last 15 minutes, less than a 100,000-order advance on a loaded machine: renewed when refused, as a partner's client does.
        async Task AuthorizeAsync() => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await host.TokenAsync(client, credential["credential"]!["clientId"]!.GetValue<string>(), credential["clientSecret"]!.GetValue<string>()));
        await AuthorizeAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{orders:N0} open orders seeded in {seeding.Elapsed.TotalSeconds:0.0} s; live heap {before / 1048576.0:0} MB; advancing"));
        using var sampler = new PeakSampler();
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P30D" });
        response.EnsureSuccessStatusCode();
        var answer = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        // Above Sandbox:Clock:AsynchronousAbove the advance runs in the background (202): timed until it is ready, as a partner polling it waits.
        while (response.StatusCode == System.Net.HttpStatusCode.Accepted && answer["status"]!.GetValue<string>() == "advancing")
        {
            await Task.Delay(50);
            using var poll = await client.GetAsync(response.Headers.Location!);
            if (poll.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                await AuthorizeAsync();
                continue;
            }
            poll.EnsureSuccessStatusCode();
            answer = (await poll.Content.ReadFromJsonAsync<JsonNode>())!;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (workingSet, heap) = sampler.Stop();
        var ran = (answer["result"] ?? answer)["ran"] ?? throw new InvalidOperationException($"The advance did not become ready: {answer.ToJsonString()}");
        var steps = ran["ordersConfirmed"]!.GetValue<int>() + ran["ordersShipped"]!.GetValue<int>() + ran["ordersDelivered"]!.GetValue<int>();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {orders:N0} | {elapsed.TotalSeconds:0.0} s | {elapsed.TotalMilliseconds / orders:0.00} | {steps:N0} | {ran["ordersHeldBack"]!.AsArray().Count} | {workingSet / 1048576.0:0} MB | {before / 1048576.0:0} MB | {heap / 1048576.0:0} MB | {batchSize?.ToString(CultureInfo.InvariantCulture) ?? "default"} |");
    }

    /// <summary>
    /// Pending sandbox orders of the partner, placed one after another over the last day, inserted through EF in batches.
    /// The contexts are pooled: a batch of 10,000 left the pooled context's tracking tables sized for 10,000 entities
    /// (about 3 MB, counted in every later heap sample), so batches stay at a thousand, as the advance's own are.
    /// </summary>
    private static async Task SeedOpenOrdersAsync(BenchmarkHost host, string partnerId, int count)
    {
        const int batch = 1_000;
        var now = ClockExtensions.ToStoredPrecision(DateTimeOffset.UtcNow);
        for (var start = 0; start < count; start += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var at = now.AddMilliseconds(-TimeSpan.FromDays(1).TotalMilliseconds * (count - i) / count);
                db.Orders.Add(Order.Place(Ids.New("ord"), partnerId, ApiEnvironment.Sandbox, $"CLOCK-{i}", prepay: false, 0.1m,
                    [OrderLine.Price(1, "SBX-SOCKS-3PK", "Sandbox socks, 3 pairs", 1, 8.59m, 0.1m)], null, at));
            }
            await db.SaveChangesAsync();
        }
        // Enough of the sandbox's own stock for every order.
        await using var stockScope = host.Services.CreateAsyncScope();
        await stockScope.ServiceProvider.GetRequiredService<IntegrationDbContext>().BrandStock
            .Where(s => s.Pool == partnerId).ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, 10_000_000));
    }

    /// <summary>
    /// The highest working set (sampled every 20 ms) and live heap seen until stopped. The live heap is measured after a
    /// full collection every 0.5 s: the heap between collections holds garbage too, as much as the collector lets pile up
    /// (with server GC, tens of MB), which hides what the advance keeps. The collections add a little to the time.
    /// </summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _workingSet;
        private long _heap;

        public PeakSampler() => _sampling = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            for (var tick = 0; !_stop.IsCancellationRequested; tick++)
            {
                Sample(process, live: tick % 25 == 0);
                try
                {
                    await Task.Delay(20, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            Sample(process, live: true);
        });

        public (long WorkingSet, long Heap) Stop()
        {
            _stop.Cancel();
            _sampling.GetAwaiter().GetResult();
            return (_workingSet, _heap);
        }

        public void Dispose() => _stop.Dispose();

        private void Sample(Process process, bool live)
        {
            process.Refresh();
            _workingSet = Math.Max(_workingSet, process.WorkingSet64);
            if (live)
            {
                _heap = Math.Max(_heap, GC.GetTotalMemory(forceFullCollection: true));
            }
        }
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Core.Common;
using Integration.Core.Orders;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Benchmarks;

/// <summary>
/// Closing a month: <c>--orders</c> delivered orders (default 1,000,000) spread over <c>--partners</c> partners (default 1,000)
/// in October 2026, then one <c>POST /admin/v1/settlements/close</c>. Reports the close's duration and the process's peak
/// working set and managed heap while it ran (sampled every 20 ms).
/// </summary>
public static class SettlementBenchmarks
{
    private static readonly SettlementPeriod Month = new(2026, 10);

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkHost host, BenchmarkSettings settings)
    {
        var admin = host.CreateClient();
        admin.Timeout = TimeSpan.FromMinutes(30);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        var sku = "BENCH-SETTLE";
        (await admin.PostAsJsonAsync("/admin/v1/products", new { sku, name = "Benchmark bag", listPrice = 199.99m, active = true })).EnsureSuccessStatusCode();

        var watch = Stopwatch.StartNew();
        var partnerIds = await CreatePartnersAsync(host, admin, settings.Partners, ["settlements:read"]);
        Console.WriteLine($"created {partnerIds.Count:N0} partners with live credentials in {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        var expectedNetSales = await SeedDeliveredOrdersAsync(host, partnerIds, sku, settings.Orders);
        Console.WriteLine($"seeded {settings.Orders:N0} delivered orders ({expectedNetSales:N2} CNY) in {watch.Elapsed.TotalSeconds:0.0} s");

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        using var sampling = new CancellationTokenSource();
        long peakWorkingSet = baseline, peakHeap = GC.GetTotalMemory(false);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                await Task.Delay(20);
            }
        });

        watch.Restart();
        var response = await admin.PostAsJsonAsync("/admin/v1/settlements/close", new { period = Month.ToString(), environment = "live" });
        var elapsed = watch.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        var outcome = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        response.EnsureSuccessStatusCode();

        var closedNetSales = await SumStatementsAsync(host);
        Console.WriteLine($"closed {Month}: {outcome["closed"]} statements in {elapsed.TotalSeconds:0.00} s = {settings.Orders / elapsed.TotalSeconds:N0} orders/s; " +
                          $"statements add up to {closedNetSales:N2} CNY (seeded {expectedNetSales:N2}: {(closedNetSales == expectedNetSales ? "equal" : "DIFFERENT")})");
        Console.WriteLine($"memory: working set {Mb(baseline)} MB before the close, peak {Mb(peakWorkingSet)} MB during it; managed heap peak {Mb(peakHeap)} MB");
        return [new LoadResult($"close a month: {settings.Orders:N0} orders, {partnerIds.Count:N0} partners", outcome["closed"]!.GetValue<int>(), 0, elapsed, double.NaN, double.NaN, double.NaN)];
    }

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Partners of mixed tiers and ratings, each with a live credential of <paramref name="scopes"/> dated September 2026; their ids in order.</summary>
    internal static async Task<List<string>> CreatePartnersAsync(BenchmarkHost host, HttpClient admin, int count, IReadOnlyList<string> scopes)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var partner = await admin.PostAsJsonAsync("/admin/v1/partners", new
            {
                name = $"Settlement bench {i}", tier = (i % 3) switch { 0 => "basic", 1 => "advanced", _ => "strategic" },
                creditRating = (i % 3) switch { 0 => "A", 1 => "B", _ => "C" }, cooperationMode = "co_branding", regionCode = "CN-SH",
                businessLicenceNumber = "91310000BENCH", qualificationVerifiedOn = "2026-01-01",
            });
            partner.EnsureSuccessStatusCode();
            var id = (await partner.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
            await host.IssueLiveAsync(admin, id, scopes);
            ids.Add(id);
        });
        // The partners were with us before October: their credentials date from September.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var september = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        await db.Credentials.Where(c => c.PartnerId != null).ExecuteUpdateAsync(set => set.SetProperty(c => c.CreatedAt, september));
        return [.. ids.Order()];
    }

    /// <summary>Order i goes to partner i mod N, delivered at an instant spread over the month; returns the total.</summary>
    private static async Task<decimal> SeedDeliveredOrdersAsync(BenchmarkHost host, List<string> partnerIds, string sku, int count)
    {
        const int batch = 10_000;
        var secondsInMonth = (long)(Month.End - Month.Start).TotalSeconds - 10;
        decimal total = 0;
        for (var start = 0; start < count; start += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var at = Month.Start.AddSeconds(i * secondsInMonth / count);
                var order = Order.Place($"ord_settle{i:D9}", partnerIds[i % partnerIds.Count], ApiEnvironment.Live, $"SETTLE-{i}", prepay: false, 0.25m,
                    [OrderLine.Price(1, sku, "Benchmark bag", 1 + i % 5, 199.99m, 0.25m)], null, at);
                order.MoveTo(OrderStatus.Confirmed, at.AddSeconds(1));
                order.MoveTo(OrderStatus.Shipped, at.AddSeconds(2));
                order.MoveTo(OrderStatus.Delivered, at.AddSeconds(3));
                total += order.Total;
                db.Orders.Add(order);
            }
            await db.SaveChangesAsync();
        }
        return total;
    }

    private static async Task<decimal> SumStatementsAsync(BenchmarkHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var period = Month.ToString();
        var totals = await db.Statements.IgnoreQueryFilters().Where(s => s.Period == period).Select(s => s.DeliveredTotal).ToListAsync();
        return totals.Sum();
    }
}

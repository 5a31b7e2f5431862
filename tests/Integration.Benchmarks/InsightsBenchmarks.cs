using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Application.Insights;
using Integration.Core.Common;
using Integration.Core.Customers;
using Integration.Core.Orders;
using Integration.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 23's targets: a partner's KPIs p99 &lt; 50 ms and the brand-wide view p99 &lt; 250 ms with <c>--orders</c>
/// delivered orders (default 1,000,000) over <c>--partners</c> partners (default 1,000), spread over January to
/// November 2026, 50 customers per partner, one order in 20 returned; the aggregates built by the rebuild (timed).
/// Then what maintaining the aggregates costs: the same admin delivery of a shipped order with the aggregates
/// written and with them switched off (<c>Insights:MaintainAggregates</c>), interleaved in the same run, and
/// <c>POST /v1/orders</c> in both modes (placing an order adds nothing to them).
/// </summary>
public static class InsightsBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int CustomersPerPartner = 50;
    private const int SampledPartners = 50;

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkHost host, BenchmarkSettings settings)
    {
        var admin = host.CreateClient();
        admin.Timeout = TimeSpan.FromMinutes(30);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        const string sku = "BENCH-KPI";
        (await admin.PostAsJsonAsync("/admin/v1/products", new { sku, name = "Benchmark bag", listPrice = 199.99m, active = true })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/admin/v1/brand-stock/live/{sku}", new { onHand = 5_000_000 })).EnsureSuccessStatusCode();

        var watch = Stopwatch.StartNew();
        var partnerIds = await SettlementBenchmarks.CreatePartnersAsync(host, admin, settings.Partners, ["insights:read"]);
        Console.WriteLine($"created {partnerIds.Count:N0} partners with live credentials in {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        var customers = await SeedCustomersAsync(host, partnerIds);
        await SeedOrdersAsync(host, partnerIds, customers, sku, settings.Orders);
        Console.WriteLine($"seeded {settings.Orders:N0} delivered orders and {partnerIds.Count * CustomersPerPartner:N0} customers in {watch.Elapsed.TotalSeconds:0.0} s");
        // Seeding outlasts the admin token on a loaded machine: take a fresh one.
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        watch.Restart();
        var rebuilding = await admin.PostAsync("/admin/v1/insights/rebuild", null);
        rebuilding.EnsureSuccessStatusCode();
        var rebuilt = await rebuilding.Content.ReadFromJsonAsync<JsonNode>();
        Console.WriteLine($"rebuilt the aggregates from {rebuilt!["ordersReplayed"]} orders in {watch.Elapsed.TotalSeconds:0.0} s");

        var partners = new List<HttpClient>();
        foreach (var id in partnerIds.Take(SampledPartners))
        {
            var (clientId, secret) = await host.IssueLiveAsync(admin, id, ["insights:read", "orders:write"]);
            var client = host.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(client, clientId, secret));
            partners.Add(client);
        }
        var shipped = new ConcurrentQueue<string>(await SeedShippedAsync(host, partnerIds[0], sku, 40_000));
        var options = host.Services.GetRequiredService<IOptions<InsightsOptions>>().Value;
        long placed = 0;

        Scenario Deliver(bool maintain) => new($"admin deliver a shipped order, aggregates {(maintain ? "on" : "off")}", async _ =>
        {
            options.MaintainAggregates = maintain; // phases of different scenarios never overlap
            if (!shipped.TryDequeue(out var id))
            {
                return false;
            }
            using var response = await admin.PostAsync($"/admin/v1/orders/{id}/deliver", null);
            return response.IsSuccessStatusCode;
        });
        Scenario Place(bool maintain) => new($"POST /v1/orders, aggregates {(maintain ? "on" : "off")}", async worker =>
        {
            options.MaintainAggregates = maintain;
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/orders")
            {
                Content = JsonContent.Create(new { reference = $"KPI-{Interlocked.Increment(ref placed)}-{Guid.NewGuid():N}", lines = new[] { new { sku, quantity = 1 } } }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await partners[worker % partners.Count].SendAsync(request);
            return response.IsSuccessStatusCode;
        });
        var scenarios = new List<Scenario>
        {
            new($"GET /v2/insights/kpis?period=2026-10 ({settings.Orders:N0} orders, {partnerIds.Count:N0} partners)", async worker =>
            {
                using var response = await partners[Random.Shared.Next(partners.Count)].GetAsync("/v2/insights/kpis?period=2026-10");
                return response.IsSuccessStatusCode;
            }),
            new("GET /v2/insights/kpis?period=2026 (a year)", async worker =>
            {
                using var response = await partners[Random.Shared.Next(partners.Count)].GetAsync("/v2/insights/kpis?period=2026");
                return response.IsSuccessStatusCode;
            }),
            new("GET /admin/v1/insights?period=2026-10 (brand-wide)", async _ =>
            {
                using var response = await admin.GetAsync("/admin/v1/insights?period=2026-10");
                return response.IsSuccessStatusCode;
            }),
            Deliver(true), Deliver(false), Place(true), Place(false),
        };
        var selected = scenarios.Where(s => settings.Only is null || s.Name.Contains(settings.Only, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = new List<LoadResult>();
        foreach (var concurrency in settings.ThenConcurrency is { } then ? [settings.Concurrency, then] : new[] { settings.Concurrency })
        {
            var measured = await LoadRunner.RunInterleavedAsync(selected, concurrency, settings.WarmUp, settings.Duration);
            results.AddRange(measured.Select(r => r with { Name = $"{r.Name}, {concurrency} clients" }));
            Console.WriteLine($"measured with {concurrency} clients; {shipped.Count:N0} shipped orders left");
        }
        options.MaintainAggregates = true;
        return results;
    }

    private static async Task<Dictionary<string, string[]>> SeedCustomersAsync(BenchmarkHost host, List<string> partnerIds)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var byPartner = new Dictionary<string, string[]>();
        foreach (var partnerId in partnerIds)
        {
            var ids = Enumerable.Range(0, CustomersPerPartner).Select(_ => Ids.New("cus")).ToArray();
            db.Customers.AddRange(ids.Select((id, c) => new Customer
            {
                Id = id, PartnerId = partnerId, Environment = ApiEnvironment.Live, ExternalId = $"C-{c}", CreatedAt = Start, UpdatedAt = Start,
            }));
            byPartner[partnerId] = ids;
        }
        await db.SaveChangesAsync();
        return byPartner;
    }

    /// <summary>Order i goes to partner i mod N and one of its customers, delivered at an instant spread over January–November; one in 20 is returned a week later.</summary>
    private static async Task SeedOrdersAsync(BenchmarkHost host, List<string> partnerIds, Dictionary<string, string[]> customers, string sku, int count)
    {
        const int batch = 10_000;
        var seconds = (long)(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) - Start).TotalSeconds - 8 * 86_400;
        for (var start = 0; start < count; start += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var partnerId = partnerIds[i % partnerIds.Count];
                var customerId = customers[partnerId][i / partnerIds.Count % CustomersPerPartner];
                var at = Start.AddSeconds(i * seconds / count);
                var order = Order.Place($"ord_kpi{i:D9}", partnerId, ApiEnvironment.Live, $"KPI-{i}", prepay: false, 0.25m,
                    [OrderLine.Price(1, sku, "Benchmark bag", 1 + i % 5, 199.99m, 0.25m)], null, at,
                    new OrderSoldBy(null, customerId, $"C-{i / partnerIds.Count % CustomersPerPartner}"));
                order.MoveTo(OrderStatus.Confirmed, at.AddSeconds(1));
                order.MoveTo(OrderStatus.Shipped, at.AddSeconds(2));
                order.MoveTo(OrderStatus.Delivered, at.AddSeconds(3));
                if (i % 20 == 7)
                {
                    order.MoveTo(OrderStatus.Returned, at.AddDays(7));
                }
                db.Orders.Add(order);
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Shipped orders of one partner, placed now, ready for the delivery scenarios; their ids.</summary>
    private static async Task<List<string>> SeedShippedAsync(BenchmarkHost host, string partnerId, string sku, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var order = Order.Place($"ord_ship{i:D9}", partnerId, ApiEnvironment.Live, $"SHIP-{i}", prepay: false, 0.25m,
                [OrderLine.Price(1, sku, "Benchmark bag", 1, 199.99m, 0.25m)], null, now);
            order.MoveTo(OrderStatus.Confirmed, now);
            order.MoveTo(OrderStatus.Shipped, now);
            db.Orders.Add(order);
            ids.Add(order.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }
}

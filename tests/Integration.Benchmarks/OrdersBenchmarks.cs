using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Paging;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Orders;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 3's targets: POST /v1/orders ≥ 1,500/s and GET /v1/orders/{id} ≥ 5,000/s; list page p99 &lt; 20 ms
/// with 1,000,000 orders, the first page and page 1,000 costing about the same.
/// </summary>
public static class OrdersBenchmarks
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkHost host, BenchmarkSettings settings)
    {
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        var sku = "BENCH-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        (await admin.PostAsJsonAsync("/admin/v1/products", new { sku, name = "Benchmark bag", listPrice = 199.99m })).EnsureSuccessStatusCode();
        var (clientId, secret) = await host.NewPartnerCredentialAsync(admin);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(client, clientId, secret));

        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add((await (await PostAsync(client, sku, $"SEED-{i}")).Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>());
        }

        long counter = 0;
        var scenarios = new List<Scenario>
        {
            new("POST /v1/orders (new key each)", async _ =>
            {
                using var response = await PostAsync(client, sku, $"LOAD-{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}");
                return response.IsSuccessStatusCode;
            }),
            new("GET /v1/orders/{id}", async worker =>
            {
                using var response = await client.GetAsync($"/v1/orders/{ids[Random.Shared.Next(ids.Count)]}");
                return response.IsSuccessStatusCode;
            }),
        };
        var selected = scenarios.Where(s => settings.Only is null || s.Name.Contains(settings.Only, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = selected.Count > 0
            ? (await LoadRunner.RunInterleavedAsync(selected, settings.Concurrency, settings.WarmUp, settings.Duration)).ToList()
            : [];
        if (WrkRunner.IsAvailable && selected.Count > 0)
        {
            var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
            var baseUri = client.BaseAddress!;
            if (selected.Any(s => s.Name.StartsWith("POST", StringComparison.Ordinal)))
            {
                results.Add(await WrkRunner.RunAsync("POST /v1/orders (new key each)", new Uri(baseUri, "/v1/orders"), CreateOrderScript(token, sku), settings.Concurrency, settings.Duration));
            }
            if (selected.Any(s => s.Name.StartsWith("GET", StringComparison.Ordinal)))
            {
                results.Add(await WrkRunner.RunAsync("GET /v1/orders/{id}", new Uri(baseUri, "/v1/orders"), GetOrderScript(token, ids), settings.Concurrency, settings.Duration));
            }
        }

        if (settings.Only is null || settings.Only.Contains("list", StringComparison.OrdinalIgnoreCase))
        {
            results.AddRange(await ListLatencyAtScaleAsync(host, admin, sku, settings.Orders));
        }
        return results;
    }

    // Each wrk thread numbers its own requests, so every order gets a new reference and Idempotency-Key.
    private static string CreateOrderScript(string token, string sku) => $$"""
        local counter = 0
        local run = tostring(os.time()) .. tostring(math.random(100000, 999999))
        local thread_id = 0
        function setup(thread) thread:set("tid", math.random(1, 1000000000)) end
        function init(args) thread_id = tid end
        request = function()
          counter = counter + 1
          local key = run .. "-" .. thread_id .. "-" .. counter
          local body = '{"reference":"W-' .. key .. '","lines":[{"sku":"{{sku}}","quantity":2}]}'
          return wrk.format("POST", "/v1/orders", {
            ["Authorization"] = "Bearer {{token}}",
            ["Content-Type"] = "application/json",
            ["Idempotency-Key"] = key }, body)
        end
        """;

    private static string GetOrderScript(string token, IReadOnlyList<string> ids) => $$"""
        local ids = { {{string.Join(", ", ids.Select(id => "'" + id + "'"))}} }
        request = function()
          return wrk.format("GET", "/v1/orders/" .. ids[math.random(#ids)], { ["Authorization"] = "Bearer {{token}}" })
        end
        """;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string sku, string reference)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/orders")
        {
            Content = JsonContent.Create(new { reference, lines = new[] { new { sku, quantity = 2 } } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    /// <summary>One partner with <paramref name="orderCount"/> orders; one client reads the first page and page 1,000 in turn.</summary>
    private static async Task<IReadOnlyList<LoadResult>> ListLatencyAtScaleAsync(BenchmarkHost host, HttpClient admin, string sku, int orderCount)
    {
        var (clientId, secret) = await host.NewPartnerCredentialAsync(admin);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(client, clientId, secret));
        var partnerId = (await (await client.GetAsync("/v1/partners/me")).Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();

        var seeding = Stopwatch.StartNew();
        var newest = await SeedOrdersAsync(host, partnerId, sku, orderCount);
        Console.WriteLine($"seeded {orderCount:N0} orders in {seeding.Elapsed.TotalSeconds:0.0} s");

        // The 25,000th newest order is the last one on page 1,000 (25 per page); its key is page 1,001's cursor.
        const int lastPositionOfPage999 = 25 * 999 - 1; // 0 = newest
        var pageThousand = Cursor.Encode(newest.AddSeconds(-lastPositionOfPage999), OrderId(orderCount - 1 - lastPositionOfPage999));
        var first = new Scenario("list page 1 at scale", async _ =>
        {
            using var response = await client.GetAsync("/v1/orders?limit=25");
            return response.IsSuccessStatusCode;
        });
        var deep = new Scenario("list page 1,000 at scale", async _ =>
        {
            using var response = await client.GetAsync($"/v1/orders?limit=25&cursor={Uri.EscapeDataString(pageThousand)}");
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonNode>())!["data"]!.AsArray().Count == 25;
        });
        return await LoadRunner.RunInterleavedAsync([first, deep], concurrency: 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
    }

    private static string OrderId(int i) => $"ord_bench{i:D9}";

    /// <summary>Inserts orders 0..count-1, one second apart (order count-1 newest), through EF in batches; returns the newest time.</summary>
    private static async Task<DateTimeOffset> SeedOrdersAsync(BenchmarkHost host, string partnerId, string sku, int count)
    {
        var newest = ClockExtensions.ToStoredPrecision(DateTimeOffset.UtcNow.AddMinutes(-1));
        const int batch = 10_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var at = newest.AddSeconds(-(count - 1 - i));
                db.Orders.Add(Order.Place(OrderId(i), partnerId, ApiEnvironment.Live, $"BULK-{i}", prepay: false, 0.25m,
                    [OrderLine.Price(1, sku, "Benchmark bag", 2, 199.99m, 0.25m)], null, at));
            }
            await db.SaveChangesAsync();
        }
        return newest;
    }
}

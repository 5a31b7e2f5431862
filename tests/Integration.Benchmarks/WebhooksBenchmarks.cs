using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 8's targets: ≥ 1,000 webhook deliveries/s on 2 cores, and p95 from commit to receipt &lt; 500 ms.
/// The receiver is a minimal Kestrel endpoint on loopback answering 204.
/// </summary>
public static class WebhooksBenchmarks
{
    private const int Partners = 8;

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkHost host, BenchmarkSettings settings)
    {
        await using var receiver = await Receiver.StartAsync();
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        var sku = "HOOK-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        (await admin.PostAsJsonAsync("/admin/v1/products", new { sku, name = "Benchmark belt", listPrice = 59.90m })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/admin/v1/brand-stock/live/{sku}", new { onHand = 10_000_000 })).EnsureSuccessStatusCode();

        var clients = new List<(HttpClient Client, string PartnerId)>();
        for (var i = 0; i < Partners; i++)
        {
            var (clientId, secret) = await host.NewPartnerCredentialAsync(admin);
            var client = host.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(client, clientId, secret));
            var me = await (await client.GetAsync("/v1/partners/me")).Content.ReadFromJsonAsync<JsonNode>();
            clients.Add((client, me!["id"]!.GetValue<string>()));
        }
        // The backlog exists before the subscriptions, which start at its end; the replay then asks for all of it.
        var perPartner = settings.Deliveries / Partners;
        await SeedEventsAsync(host, clients.Select(c => c.PartnerId), perPartner);
        var partners = new List<(HttpClient Client, string PartnerId, string SubscriptionId)>();
        foreach (var (client, partnerId) in clients)
        {
            var created = await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "order.created", "order.status_changed" } });
            created.EnsureSuccessStatusCode();
            partners.Add((client, partnerId, (await created.Content.ReadFromJsonAsync<JsonNode>())!["webhook"]!["id"]!.GetValue<string>()));
        }

        return [await ThroughputAsync(receiver, partners, perPartner), await LatencyAsync(receiver, partners, sku, settings.Duration)];
    }

    /// <summary>A backlog of events per partner, replayed at once: how fast the dispatcher drains it.</summary>
    private static async Task<LoadResult> ThroughputAsync(
        Receiver receiver, List<(HttpClient Client, string PartnerId, string SubscriptionId)> partners, int perPartner)
    {
        receiver.Reset();
        var stopwatch = Stopwatch.StartNew();
        foreach (var (client, _, subscriptionId) in partners)
        {
            (await client.PostAsJsonAsync($"/v1/webhooks/{subscriptionId}/replay", new { fromSequence = 1 })).EnsureSuccessStatusCode();
        }
        var expected = perPartner * partners.Count;
        while (receiver.Count < expected && stopwatch.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(20);
        }
        stopwatch.Stop();
        return new LoadResult($"webhook deliveries, backlog of {expected:N0} over {partners.Count} subscriptions", receiver.Count, expected - receiver.Count,
            stopwatch.Elapsed, double.NaN, double.NaN, double.NaN);
    }

    /// <summary>Orders placed at a steady pace; latency from the event's commit time to its receipt.</summary>
    private static async Task<LoadResult> LatencyAsync(
        Receiver receiver, List<(HttpClient Client, string PartnerId, string SubscriptionId)> partners, string sku, TimeSpan duration)
    {
        Console.WriteLine($"# throughput phase: {receiver.Duplicates:N0} duplicate deliveries");
        receiver.Reset();
        var placed = 0;
        var stopwatch = Stopwatch.StartNew();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(10)); // ~100 orders/s in all
        while (stopwatch.Elapsed < duration && await pace.WaitForNextTickAsync())
        {
            var (client, _, _) = partners[placed % partners.Count];
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/orders")
            {
                Content = JsonContent.Create(new { reference = "LAT-" + Guid.NewGuid().ToString("N"), lines = new[] { new { sku, quantity = 1 } } }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            _ = client.SendAsync(request);
            placed++;
        }
        while (receiver.Count < placed && stopwatch.Elapsed < duration + TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }
        var latencies = receiver.LatenciesMs().Order().ToArray();
        double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new LoadResult("commit → receipt latency, ~100 orders/s", latencies.Length, placed - latencies.Length, duration,
            Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

    private static async Task SeedEventsAsync(BenchmarkHost host, IEnumerable<string> partnerIds, int perPartner)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = DateTimeOffset.UtcNow;
        foreach (var partnerId in partnerIds)
        {
            await using var transaction = await db.BeginUnitOfWorkAsync();
            var stream = await db.EventStreams.FindAsync(partnerId, ApiEnvironment.Live);
            var first = (stream?.LastSequence ?? 0) + 1;
            for (var i = 0; i < perPartner; i++)
            {
                db.Events.Add(new PartnerEvent
                {
                    Id = Ids.New("evt"), PartnerId = partnerId, Environment = ApiEnvironment.Live, Sequence = first + i, Type = EventTypes.OrderCreated,
                    SubjectId = "ord_backlog", OccurredAt = now,
                    Data = $$"""{"orderId":"ord_backlog_{{i}}","reference":"BACKLOG-{{i}}","version":1,"from":null,"to":"pending","total":"119.80","currency":"CNY"}""",
                });
            }
            if (stream is null)
            {
                db.EventStreams.Add(new EventStream { PartnerId = partnerId, Environment = ApiEnvironment.Live, LastSequence = first + perPartner - 1 });
            }
            else
            {
                stream.LastSequence = first + perPartner - 1;
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Counts deliveries by webhook-id and notes when each arrived.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private ConcurrentDictionary<string, double> _received = new();
        private long _duplicates;

        private Receiver(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";
        public int Count => _received.Count;
        public long Duplicates => Interlocked.Read(ref _duplicates);

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/hook", async (HttpRequest request) =>
            {
                var arrived = DateTimeOffset.UtcNow;
                var body = await JsonNode.ParseAsync(request.Body);
                var latency = (arrived - body!["occurredAt"]!.GetValue<DateTimeOffset>()).TotalMilliseconds;
                if (!receiver._received.TryAdd(request.Headers["webhook-id"].ToString(), latency))
                {
                    Interlocked.Increment(ref receiver._duplicates);
                }
                return Results.NoContent();
            });
            await app.StartAsync();
            receiver.Url = app.Urls.First() + "/hook";
            return receiver;
        }

        public void Reset()
        {
            _received = new ConcurrentDictionary<string, double>();
            Interlocked.Exchange(ref _duplicates, 0);
        }

        public IEnumerable<double> LatenciesMs() => _received.Values;

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

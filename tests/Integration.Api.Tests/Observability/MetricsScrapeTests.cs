using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Inventory;
using Integration.Api.Tests.Webhooks;

namespace Integration.Api.Tests.Observability;

/// <summary>An operator's Prometheus scrapes the platform's own port and sees the business move.</summary>
public sealed class MetricsScrapeTests(ObservedPlatform platform) : IClassFixture<ObservedPlatform>
{
    [Fact]
    public async Task Scrape_AfterBusiness_ShowsEachBusinessCounterMoved()
    {
        string[] counters =
        [
            "partner_platform_tokens_issued_total", "partner_platform_orders_created_total", "partner_platform_stock_adjustments_total",
            "partner_platform_idempotency_replays_total", "partner_platform_rate_limit_rejections_total",
            "partner_platform_webhooks_deliveries_total", "partner_platform_webhooks_delivery_lag_seconds_count",
        ];
        var before = new Dictionary<string, double>();
        foreach (var counter in counters)
        {
            before[counter] = await platform.ScrapeAsync(counter);
        }

        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync(); // a token issued
        await session.SubscribeAsync(receiver.Url, "order.created");
        var order = CommerceSetup.OrderBody("PO-" + Guid.NewGuid().ToString("N")[..10], (sku, 1));
        (await session.Client.PostOrderAsync(order, key: "order-once", version: "v2")).EnsureSuccessStatusCode();
        var replayed = await session.Client.PostOrderAsync(order, key: "order-once", version: "v2");
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        (await session.AdjustAsync(await session.CreateLocationAsync(), sku, 5)).EnsureSuccessStatusCode();
        Assert.True(await platform.DispatchAsync() >= 1);
        await HitTheBasicTierLimitAsync();

        foreach (var counter in counters)
        {
            Assert.True(await platform.ScrapeAsync(counter) > before[counter], $"{counter} did not move");
        }
    }

    [Fact]
    public async Task Scrape_counts_every_row_a_bulk_sync_applies_as_a_stock_adjustment()
    {
        const string metric = "partner_platform_stock_adjustments_total";
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var first = await session.CreateLocationAsync();
        var second = await session.CreateLocationAsync();
        var before = await platform.ScrapeAsync(metric);

        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/inventory/bulk")
        {
            Content = JsonContent.Create(new { rows = new object[] { new { locationId = first, sku, onHand = 7 }, new { locationId = second, sku, onHand = 3 } } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await session.Client.SendAsync(request)).EnsureSuccessStatusCode();

        Assert.True(await platform.ScrapeAsync(metric) >= before + 2, "a bulk sync's rows were not counted");
    }

    [Fact]
    public async Task Scrape_AfterClosingAMonth_ShowsHowLongTheCloseTook()
    {
        const string metric = "partner_platform_settlement_period_close_duration_seconds_count";
        var before = await platform.ScrapeAsync(metric);
        var admin = await platform.AdminClientAsync();

        var closed = await admin.PostAsJsonAsync("/admin/v1/settlements/close",
            new { period = platform.Clock.GetUtcNow().AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture), environment = "live" });

        closed.EnsureSuccessStatusCode();
        Assert.True(await platform.ScrapeAsync(metric) > before, "the close was not timed");
    }

    [Fact]
    public async Task Scrape_LabelsAreOutcomesAndEnvironments_NeverPartners()
    {
        var session = await platform.NewPartnerSessionAsync();
        var text = await (await platform.ScrapeClient().GetAsync("metrics")).Content.ReadAsStringAsync();

        var series = PrometheusText.Series(text, "partner_platform_tokens_issued_total");
        Assert.Contains(series, s => s.Contains("environment=\"sandbox\"") && s.Contains("credential_kind=\"partner\""));
        Assert.DoesNotContain(session.PartnerId, text);
        Assert.DoesNotContain(session.Credential.ClientId, text);
    }

    [Fact]
    public async Task Scrape_WithoutTheToken_Is401()
    {
        var missing = await platform.ScrapeClient(token: null).GetAsync("metrics");
        var wrong = await platform.ScrapeClient(token: "not-the-scrape-token-at-all").GetAsync("metrics");

        await missing.ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await wrong.ReadProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Metrics_OnTheApiPort_IsNotFound_EvenNamingTheScrapePortAsHost()
    {
        var client = platform.CreateClient();
        var plain = await client.GetAsync("/metrics");
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = $"127.0.0.1:{platform.ScrapePort}";
        request.Headers.Authorization = new("Bearer", ObservedPlatform.ScrapeToken);
        var spoofed = await client.SendAsync(request);

        await plain.ReadProblemAsync(HttpStatusCode.NotFound);
        await spoofed.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheApi_OnTheScrapePort_IsNotFound()
    {
        var response = await platform.ScrapeClient().GetAsync("health/ready");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task HitTheBasicTierLimitAsync()
    {
        var basic = await platform.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(tier: "basic", qualified: true));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await basic.Client.GetAsync("/v1/partners/me")).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}

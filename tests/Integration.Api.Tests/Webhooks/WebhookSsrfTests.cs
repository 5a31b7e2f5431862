using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Webhooks;

/// <summary>The platform as Production configures webhooks: https only, no private hosts allowed.</summary>
public sealed class ProductionWebhooksPlatform : PlatformFactory
{
    public ProductionWebhooksPlatform()
    {
        Settings["Webhooks:RequireHttps"] = "true";
        Settings.Remove("Webhooks:AllowedPrivateHosts:0");
        Settings.Remove("Webhooks:AllowedPrivateHosts:1");
    }
}

public sealed class WebhookSsrfTests(ProductionWebhooksPlatform platform) : IClassFixture<ProductionWebhooksPlatform>
{
    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://192.168.1.20:8443/hook")]
    [InlineData("https://localhost/hook")] // a host name that resolves to loopback
    public async Task TargetsOnInternalAddresses_AreRefused(string url)
    {
        var session = await platform.NewPartnerSessionAsync();
        var response = await session.Client.PostAsJsonAsync("/v1/webhooks", new { url, eventTypes = new[] { "order.created" } });
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook_target_forbidden");
        Assert.Contains("may not reach", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task PlainHttpTargets_AreRefused()
    {
        var session = await platform.NewPartnerSessionAsync();
        var response = await session.Client.PostAsJsonAsync("/v1/webhooks", new { url = "http://93.184.215.14/hook", eventTypes = new[] { "order.created" } });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("https", problem["errors"]!["url"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ATargetThatNowResolvesToLoopback_IsRefusedAtDeliveryTime()
    {
        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        // Saved while it pointed elsewhere; its DNS now answers with a loopback address.
        var subscriptionId = await platform.WithDbAsync(async db =>
        {
            var subscription = new Core.Webhooks.WebhookSubscription
            {
                Id = "whk_dns_rebinding_" + Guid.NewGuid().ToString("N")[..8], PartnerId = session.PartnerId, Environment = Core.Common.ApiEnvironment.Sandbox,
                Url = receiver.Url, EventTypes = ["order.created"], ProtectedSecret = platform.Services.GetRequiredService<Api.Webhooks.WebhookSecrets>().New().Protected, NextAttemptAt = platform.Clock.GetUtcNow(),
                CreatedAt = platform.Clock.GetUtcNow(), UpdatedAt = platform.Clock.GetUtcNow(),
            };
            db.WebhookSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
            return subscription.Id;
        });
        await session.PlaceOrderAsync((sku, 1));

        await platform.DispatchAsync();

        Assert.Empty(receiver.Received);
        var attempt = Assert.Single(await session.DeliveriesAsync(subscriptionId))!;
        Assert.False(attempt["succeeded"]!.GetValue<bool>());
        Assert.Contains("may not reach", attempt["error"]!.GetValue<string>());
        Assert.Equal(1, await platform.WithDbAsync(db => db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Id == subscriptionId).Select(s => s.FailedAttempts).SingleAsync()));
    }
}

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
    // IPv6 forms that embed an internal IPv4 address, and internal IPv6 ranges
    [InlineData("https://[::7f00:1]/hook")]                             // IPv4-compatible
    [InlineData("https://[::127.0.0.1]/hook")]
    [InlineData("https://[::ffff:a9fe:a9fe]/latest/meta-data/")]        // IPv4-mapped
    [InlineData("https://[2002:7f00:1::1]/hook")]                       // 6to4
    [InlineData("https://[2002:a9fe:a9fe::1]/hook")]
    [InlineData("https://[64:ff9b::7f00:1]/hook")]                      // NAT64 well-known prefix
    [InlineData("https://[64:ff9b::10.0.0.1]/hook")]
    [InlineData("https://[64:ff9b:1::a00:1]/hook")]                     // NAT64 local-use prefix
    [InlineData("https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook")] // Teredo, client 127.0.0.1
    [InlineData("https://[2001:0:a00:1:8000:63bf:f7f7:f7f7]/hook")]     // Teredo, server 10.0.0.1
    [InlineData("https://[::]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[fd00:ec2::254]/hook")]
    [InlineData("https://[fc00::1]/hook")]
    [InlineData("https://[fec0::1]/hook")]
    [InlineData("https://[ff02::1]/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    public async Task TargetsOnInternalAddresses_AreRefused(string url)
    {
        var session = await platform.NewPartnerSessionAsync();
        var response = await session.Client.PostAsJsonAsync("/v1/webhooks", new { url, eventTypes = new[] { "order.created" } });
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook_target_forbidden");
        Assert.Contains("may not reach", problem["detail"]!.GetValue<string>());
        Assert.Contains("may not reach", problem["errors"]!["url"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://localhost:{port}/hooks/partner")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/hooks/partner")]
    public async Task TheConnectStep_RefusesInternalAddresses_WhateverCheckedTheTargetBefore(string template)
    {
        // The handler checks at connect time, independently of the checks before it, and connects only to what it checked.
        using var receiver = new WebhookReceiver();
        var url = template.Replace("{port}", new Uri(receiver.Url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var http = platform.Services.GetRequiredService<IHttpClientFactory>().CreateClient(Integration.Application.Webhooks.WebhookSender.ClientName);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(url, new StringContent("{}")));

        Assert.IsType<Integration.Application.Webhooks.WebhookTargetRefusedException>(failure.InnerException);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task ATargetEmbeddingLoopbackInIpv6_IsRefusedAtDeliveryTime_AsAFailedAttempt()
    {
        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var port = new Uri(receiver.Url).Port;
        // Saved before this guard knew the form (or written by an older version): [::ffff:127.0.0.1] is the receiver on loopback.
        var subscriptionId = await SaveSubscriptionAsync(session, $"http://[::ffff:127.0.0.1]:{port}/hooks/partner");
        await session.PlaceOrderAsync((sku, 1));

        await platform.DispatchAsync();

        Assert.Empty(receiver.Received);
        var attempt = Assert.Single(await session.DeliveriesAsync(subscriptionId))!;
        Assert.False(attempt["succeeded"]!.GetValue<bool>());
        Assert.Null(attempt["statusCode"]);
        Assert.Contains("may not reach", attempt["error"]!.GetValue<string>());
    }

    private Task<string> SaveSubscriptionAsync(PartnerSession session, string url) => platform.WithDbAsync(async db =>
    {
        var subscription = new Core.Webhooks.WebhookSubscription
        {
            Id = "whk_saved_" + Guid.NewGuid().ToString("N")[..8], PartnerId = session.PartnerId, Environment = Core.Common.ApiEnvironment.Sandbox,
            Url = url, EventTypes = ["order.created"], ProtectedSecret = platform.Services.GetRequiredService<Integration.Application.Webhooks.WebhookSecrets>().New().Protected,
            NextAttemptAt = platform.Clock.GetUtcNow(), CreatedAt = platform.Clock.GetUtcNow(), UpdatedAt = platform.Clock.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription.Id;
    });

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
        var subscriptionId = await SaveSubscriptionAsync(session, receiver.Url);
        await session.PlaceOrderAsync((sku, 1));

        await platform.DispatchAsync();

        Assert.Empty(receiver.Received);
        var attempt = Assert.Single(await session.DeliveriesAsync(subscriptionId))!;
        Assert.False(attempt["succeeded"]!.GetValue<bool>());
        Assert.Contains("may not reach", attempt["error"]!.GetValue<string>());
        Assert.Equal(1, await platform.WithDbAsync(db => db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Id == subscriptionId).Select(s => s.FailedAttempts).SingleAsync()));
    }
}

using System.Net;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Webhooks;

namespace Integration.Api.Tests.Observability;

/// <summary>Readiness tells the operator about background work, without taking the instance out of the load balancer for it.</summary>
public sealed class ReadinessTests(ObservedPlatform platform) : IClassFixture<ObservedPlatform>
{
    [Fact]
    public async Task Ready_ReportsWebhookBacklogPayoutsAndGatewayCircuit()
    {
        var ready = await (await platform.CreateClient().GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);

        var details = ready["details"]!;
        Assert.NotNull(details["webhooks"]!["data"]!["backlog"]);
        Assert.NotNull(details["webhooks"]!["data"]!["failingSubscriptions"]);
        Assert.Equal(0, details["payouts"]!["data"]!["needingAttention"]!.GetValue<int>());
        Assert.Equal("closed", details["bank-gateway"]!["data"]!["circuit"]!.GetValue<string>());
        Assert.Equal("healthy", ready["checks"]!["database"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_WithAWebhookBacklogOverTheThreshold_IsDegraded_AndStill200()
    {
        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        await session.SubscribeAsync(receiver.Url, "order.created");
        await session.PlaceOrderAsync((sku, 1));
        await session.PlaceOrderAsync((sku, 1)); // the threshold is 1; nothing dispatches until the test does

        var ready = await (await platform.CreateClient().GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("degraded", ready["status"]!.GetValue<string>());
        Assert.Equal("degraded", ready["checks"]!["webhooks"]!.GetValue<string>());
        Assert.True(ready["details"]!["webhooks"]!["data"]!["backlog"]!.GetValue<long>() >= 2);
        Assert.True(ready["details"]!["webhooks"]!["data"]!["oldestPendingSeconds"]!.GetValue<double>() >= 0);
        await platform.DispatchAsync();
    }
}

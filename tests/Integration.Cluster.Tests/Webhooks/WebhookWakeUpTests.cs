using System.Diagnostics;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Webhooks;
using Integration.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Integration.Cluster.Tests.Webhooks;

public sealed class WebhookWakeUpTests(ITestOutputHelper output)
{
    [ClusterFact]
    public async Task An_event_committed_on_A_is_delivered_at_once_by_B_woken_through_Redis_not_by_its_poll()
    {
        await using var cluster = await TwoInstances.StartAsync(
            new Dictionary<string, string?> { ["Webhooks:DispatchInBackground"] = "false" },
            settingsOfB: new Dictionary<string, string?>
            {
                ["Webhooks:DispatchInBackground"] = "true",
                ["Webhooks:PollInterval"] = "00:01:00", // a poll would come far too late
            });
        using var receiver = new WebhookReceiver();
        var sku = await cluster.A.CommerceReadyAsync();
        var session = await cluster.A.NewPartnerSessionAsync();
        await session.SubscribeAsync(receiver.Url, "order.created");
        await Task.Delay(TimeSpan.FromSeconds(1)); // B has had its first look and now sleeps for a minute

        var watch = Stopwatch.StartNew();
        var orderId = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();

        await Eventually.TrueAsync(() => Task.FromResult(receiver.Received.Count > 0), TimeSpan.FromSeconds(5), "delivery by B");
        output.WriteLine($"delivered by B {watch.ElapsedMilliseconds} ms after A committed");
        Assert.Equal(orderId, receiver.Received[0].Json["data"]!["orderId"]!.GetValue<string>());
    }

    [ClusterFact]
    public async Task Both_dispatchers_racing_deliver_every_event_once()
    {
        var racing = new Dictionary<string, string?> { ["Webhooks:DispatchInBackground"] = "true", ["Webhooks:PollInterval"] = "00:00:00.020" };
        await using var cluster = await TwoInstances.StartAsync(racing);
        using var receiver = new WebhookReceiver();
        var sku = await cluster.A.CommerceReadyAsync();
        var session = await cluster.A.NewPartnerSessionAsync();
        await session.SubscribeAsync(receiver.Url, "order.created");
        var onB = session with { Client = cluster.B.ClientWithToken(session.AccessToken) };

        const int orders = 30;
        await Task.WhenAll(Enumerable.Range(0, orders).Select(i => (i % 2 == 0 ? session : onB).PlaceOrderAsync((sku, 1))));

        await Eventually.TrueAsync(() => Task.FromResult(receiver.Received.Count >= orders), TimeSpan.FromSeconds(30), "every delivery");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a duplicate to show up
        var received = receiver.Received;
        Assert.Equal(orders, received.Count);
        Assert.Equal(orders, received.Select(r => r.Id).Distinct().Count());
        Assert.Equal(orders, received.Select(r => r.Json["data"]!["orderId"]!.GetValue<string>()).Distinct().Count());
    }
}

using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Webhooks;

/// <summary>An instance whose background dispatcher runs, as in production (optionally on another's database).</summary>
public sealed class DispatchingPlatform : PlatformFactory
{
    public DispatchingPlatform() : this(null)
    {
    }

    public DispatchingPlatform(TestDatabase? sharedDatabase) : base(sharedDatabase)
    {
        Settings["Webhooks:DispatchInBackground"] = "true";
        Settings["Webhooks:PollInterval"] = "00:00:00.100";
    }
}

public sealed class WebhookDurabilityTests
{
    [Fact]
    public async Task TheBackgroundDispatcher_DeliversACommittedOrderWithinSeconds()
    {
        await using var platform = new DispatchingPlatform();
        await platform.InitializeAsync();
        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        await session.SubscribeAsync(receiver.Url, "order.created");

        var orderId = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();

        var received = await WaitForAsync(() => receiver.Received.Count > 0);
        Assert.True(received, "no delivery within 10 s");
        Assert.Equal(orderId, receiver.Received[0].Json["data"]!["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnEventCommittedJustBeforeTheProcessDied_IsDeliveredByTheNextInstance()
    {
        using var database = new TestDatabase();
        using var receiver = new WebhookReceiver();
        string orderId;
        await using (var crashed = new PlatformFactory(database))
        {
            await crashed.InitializeAsync();
            var sku = await crashed.CommerceReadyAsync();
            var session = await crashed.NewPartnerSessionAsync();
            await session.SubscribeAsync(receiver.Url, "order.created");
            orderId = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();
        } // gone before its dispatcher ran (it never runs here)
        Assert.Empty(receiver.Received);

        await using var next = new DispatchingPlatform(database);
        await next.InitializeAsync();

        Assert.True(await WaitForAsync(() => receiver.Received.Count > 0), "the committed event was not delivered after the restart");
        Assert.Equal(orderId, receiver.Received[0].Json["data"]!["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACrashedDispatchersLease_RunsOut_AndAnotherInstanceResumesItsWork()
    {
        await using var platform = new PlatformFactory();
        await platform.InitializeAsync();
        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var (id, _) = await session.SubscribeAsync(receiver.Url, "order.created");
        await session.PlaceOrderAsync((sku, 1));
        var now = platform.Clock.GetUtcNow();
        await platform.WithDbAsync(db => db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseOwner, "dispatcher_that_crashed").SetProperty(s => s.LeaseUntil, now.AddMinutes(1))));

        Assert.Equal(0, await platform.DispatchAsync()); // still leased: nobody else delivers it
        Assert.Empty(receiver.Received);

        platform.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await platform.DispatchAsync());
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task TwoInstances_NeverDeliverTheSameAttemptTwice()
    {
        using var database = new TestDatabase();
        await using var first = new PlatformFactory(database);
        await first.InitializeAsync();
        await using var second = new PlatformFactory(database);
        await second.InitializeAsync();
        using var receiver = new WebhookReceiver();
        var sku = await first.CommerceReadyAsync();
        var session = await first.NewPartnerSessionAsync();
        await session.SubscribeAsync(receiver.Url, "order.created");
        for (var i = 0; i < 20; i++)
        {
            await session.PlaceOrderAsync((sku, 1));
        }

        await Task.WhenAll(first.DispatchAsync(), second.DispatchAsync(), first.DispatchAsync(), second.DispatchAsync());
        await first.DispatchAsync();

        var ids = receiver.Received.Select(r => r.Id).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal(receiver.Received.Select(r => r.Sequence).Order(), receiver.Received.Select(r => r.Sequence));
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return condition();
    }
}

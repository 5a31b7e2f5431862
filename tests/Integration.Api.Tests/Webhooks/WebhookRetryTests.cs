using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Webhooks;

/// <summary>Webhook attempts time out after 3 s here (5 s in production), so hanging receivers cost the tests less.</summary>
public sealed class ShortAttemptTimeoutPlatform : PlatformFactory
{
    public ShortAttemptTimeoutPlatform() => Settings["Webhooks:AttemptTimeout"] = "00:00:03";
}

/// <summary>Sandbox retry schedule: 5 s, 15 s, 30 s, 1 min, then every 2 min, given up after 10 min.</summary>
public sealed class WebhookRetryTests(ShortAttemptTimeoutPlatform platform) : IClassFixture<ShortAttemptTimeoutPlatform>
{
    [Fact]
    public async Task FailedAttempts_AreRetriedOnTheSchedule_UntilTheReceiverRecovers()
    {
        using var receiver = new WebhookReceiver();
        receiver.AnswerWith(500, body: "boom");
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var (id, _) = await session.SubscribeAsync(receiver.Url, "order.created");
        await session.PlaceOrderAsync((sku, 1));

        Assert.Equal(1, await platform.DispatchAsync());
        Assert.Equal(0, await platform.DispatchAsync()); // not due yet
        platform.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, await platform.DispatchAsync());
        platform.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await platform.DispatchAsync()); // 5 s after the first
        platform.Clock.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(0, await platform.DispatchAsync());
        platform.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await platform.DispatchAsync()); // 15 s after the second

        var webhook = await session.WebhookAsync(id);
        Assert.Equal(3, webhook["failedAttempts"]!.GetValue<int>());
        Assert.Equal("enabled", webhook["status"]!.GetValue<string>());
        Assert.NotNull(webhook["nextAttemptAt"]);

        receiver.AnswerWith(200);
        platform.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await platform.DispatchAsync());

        var log = await session.DeliveriesAsync(id);
        Assert.Equal([4, 3, 2, 1], log.Select(d => d!["attempt"]!.GetValue<int>()));
        Assert.Equal([200, 500, 500, 500], log.Select(d => d!["statusCode"]!.GetValue<int>()));
        Assert.Contains("boom", log[1]!["error"]!.GetValue<string>());
        Assert.Equal(4, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct()); // the same event id on every attempt
        Assert.Equal(0, (await session.WebhookAsync(id))["failedAttempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnAttemptWithoutAnswerInTime_IsAFailedAttempt()
    {
        using var receiver = new WebhookReceiver();
        // Attempts here time out after 3 s; the answer would come after 20, so a timeout that did not cut
        // the attempt short shows as 20 s, well apart from a loaded machine's late 3 s.
        receiver.AnswerWith(200, delay: TimeSpan.FromSeconds(20));
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var (id, _) = await session.SubscribeAsync(receiver.Url, "order.created");
        await session.PlaceOrderAsync((sku, 1));

        await platform.DispatchAsync();

        var attempt = Assert.Single(await session.DeliveriesAsync(id))!;
        Assert.False(attempt["succeeded"]!.GetValue<bool>());
        Assert.Null(attempt["statusCode"]);
        Assert.Contains("No response within 3 s", attempt["error"]!.GetValue<string>());
        Assert.InRange(attempt["latencyMs"]!.GetValue<int>(), 2_900, 15_000);
    }

    [Fact]
    public async Task AFailingEvent_HoldsTheEventsBehindIt_UntilItIsDelivered()
    {
        using var receiver = new WebhookReceiver();
        receiver.AnswerWith(500);
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        await session.SubscribeAsync(receiver.Url, "order.created");
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add((await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>());
        }

        await platform.DispatchAsync();
        platform.Clock.Advance(TimeSpan.FromSeconds(5));
        await platform.DispatchAsync();
        Assert.Equal([orders[0], orders[0]], receiver.Received.Select(r => r.Json["data"]!["orderId"]!.GetValue<string>()));

        receiver.AnswerWith(204);
        platform.Clock.Advance(TimeSpan.FromSeconds(15));
        await platform.DispatchAsync();

        var received = receiver.Received.Select(r => r.Json["data"]!["orderId"]!.GetValue<string>()).ToList();
        Assert.Equal([orders[0], orders[0], orders[0], orders[1], orders[2]], received);
        var sequences = receiver.Received.Select(r => r.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task AfterTheRetryWindow_TheSubscriptionIsDisabled_AndReplayDeliversWhatItMissedInOrder()
    {
        using var receiver = new WebhookReceiver();
        using var watcher = new WebhookReceiver();
        receiver.AnswerWith(500);
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var (id, _) = await session.SubscribeAsync(receiver.Url, "order.created");
        await session.SubscribeAsync(watcher.Url, "webhook.disabled");
        var first = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();

        for (var minute = 0; minute <= 11 && (await session.WebhookAsync(id))["status"]!.GetValue<string>() == "enabled"; minute++)
        {
            await platform.DispatchAsync();
            platform.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var disabled = await session.WebhookAsync(id);
        Assert.Equal("disabled", disabled["status"]!.GetValue<string>());
        Assert.Contains("HTTP 500", disabled["disabledReason"]!.GetValue<string>());

        // The partner learns it from its event log and from its other subscription; nothing is deleted.
        var events = (await (await session.Client.GetAsync("/v1/events?types=webhook.disabled")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(id, Assert.Single(events)!["data"]!["subscriptionId"]!.GetValue<string>());
        await platform.DispatchAsync();
        Assert.Equal("webhook.disabled", Assert.Single(watcher.Received).Type);

        var second = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();
        var attemptsBefore = receiver.Received.Count;
        await platform.DispatchAsync();
        Assert.Equal(attemptsBefore, receiver.Received.Count); // disabled: no attempts

        receiver.AnswerWith(204);
        (await session.Client.PatchAsJsonAsync($"/v1/webhooks/{id}", new { status = "enabled" })).EnsureSuccessStatusCode();
        var firstSequence = receiver.Received[0].Sequence;
        var replay = await session.Client.PostAsJsonAsync($"/v1/webhooks/{id}/replay", new { fromSequence = firstSequence });
        await replay.ReadJsonAsync(HttpStatusCode.OK);
        await platform.DispatchAsync();

        var delivered = receiver.Received.Skip(attemptsBefore).Select(r => r.Json["data"]!["orderId"]!.GetValue<string>());
        Assert.Equal([first, second], delivered);
        Assert.Equal("enabled", (await session.WebhookAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Redirects_AreNotFollowed_AndAHugeErrorBodyIsCutShort()
    {
        using var receiver = new WebhookReceiver();
        using var elsewhere = new WebhookReceiver();
        receiver.AnswerWith(307, location: elsewhere.Url);
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var (id, _) = await session.SubscribeAsync(receiver.Url, "order.created");
        await session.PlaceOrderAsync((sku, 1));

        await platform.DispatchAsync();
        Assert.Empty(elsewhere.Received);
        Assert.Contains("redirects are not followed", (await session.DeliveriesAsync(id))[0]!["error"]!.GetValue<string>());

        receiver.AnswerWith(500, body: new string('x', 2_000_000));
        platform.Clock.Advance(TimeSpan.FromSeconds(5));
        await platform.DispatchAsync();
        var error = (await session.DeliveriesAsync(id))[0]!["error"]!.GetValue<string>();
        Assert.InRange(error.Length, 10, 500);

        receiver.AnswerWith(200, body: "\u0000\u0001not json at all");
        platform.Clock.Advance(TimeSpan.FromSeconds(15));
        await platform.DispatchAsync();
        Assert.True((await session.DeliveriesAsync(id))[0]!["succeeded"]!.GetValue<bool>()); // any 2xx is delivered
    }

    [Fact]
    public async Task AHangingReceiver_DoesNotHoldUpAnotherPartnersDelivery()
    {
        using var hanging = new WebhookReceiver();
        using var healthy = new WebhookReceiver();
        hanging.AnswerWith(200, delay: TimeSpan.FromSeconds(6));
        var sku = await platform.CommerceReadyAsync();
        var slowPartner = await platform.NewPartnerSessionAsync();
        var otherPartner = await platform.NewPartnerSessionAsync();
        var (slowId, _) = await slowPartner.SubscribeAsync(hanging.Url, "order.created");
        var (otherId, _) = await otherPartner.SubscribeAsync(healthy.Url, "order.created");
        await slowPartner.PlaceOrderAsync((sku, 1));
        await otherPartner.PlaceOrderAsync((sku, 1));

        await platform.DispatchAsync();

        Assert.Single(healthy.Received);
        var healthyAttempt = (await otherPartner.DeliveriesAsync(otherId))[0]!;
        Assert.True(healthyAttempt["succeeded"]!.GetValue<bool>());
        Assert.True(healthyAttempt["latencyMs"]!.GetValue<int>() < 2_500, "the healthy delivery waited for the hanging one (3 s)");
        var slowAttempt = (await slowPartner.DeliveriesAsync(slowId))[0]!;
        Assert.Contains("No response within", slowAttempt["error"]!.GetValue<string>());
    }
}

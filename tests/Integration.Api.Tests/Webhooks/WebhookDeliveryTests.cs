using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Webhooks;

public sealed class WebhookDeliveryTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task OrderEvents_ArriveInOrder_SignedAsStandardWebhooksSpecifies()
    {
        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var (subscriptionId, secret) = await session.SubscribeAsync(receiver.Url);
        Assert.StartsWith("whsec_", secret);

        var order = await session.PlaceOrderAsync((sku, 2));
        var orderId = order["id"]!.GetValue<string>();
        (await platform.AdminMoveAsync(orderId, "confirm")).EnsureSuccessStatusCode();
        Assert.Equal(2, await platform.DispatchAsync());

        var received = receiver.Received;
        Assert.Equal(["order.created", "order.status_changed"], received.Select(r => r.Type));
        Assert.True(received[0].Sequence < received[1].Sequence);
        Assert.All(received, r => Assert.Equal(orderId, r.Json["data"]!["orderId"]!.GetValue<string>()));
        Assert.All(received, r => Assert.Equal(r.Id, r.Json["id"]!.GetValue<string>()));
        Assert.Equal("confirmed", received[1].Json["data"]!["to"]!.GetValue<string>());
        Assert.Equal("sandbox", received[1].Json["environment"]!.GetValue<string>());

        Assert.All(received, r => Assert.True(r.VerifiesWith(secret)));
        Assert.False(received[0].VerifiesWith(secret, body: received[0].Body.Replace("order.created", "order.cancelled")));
        Assert.False(received[0].VerifiesWith(secret, timestamp: (long.Parse(received[0].Timestamp) + 1).ToString()));
        Assert.False(received[0].VerifiesWith("whsec_" + Convert.ToBase64String(new byte[32])));

        var log = await session.DeliveriesAsync(subscriptionId);
        Assert.Equal(2, log.Count);
        Assert.All(log, d =>
        {
            Assert.True(d!["succeeded"]!.GetValue<bool>());
            Assert.Equal(204, d["statusCode"]!.GetValue<int>());
            Assert.Equal(1, d["attempt"]!.GetValue<int>());
        });
        Assert.Equal(received[1].Id, log[0]!["eventId"]!.GetValue<string>()); // newest first
        Assert.Equal(received[1].Sequence, (await session.WebhookAsync(subscriptionId))["lastHandledSequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task OnlySubscribedEventTypes_AreDelivered_AndEachEventOnce()
    {
        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        await session.SubscribeAsync(receiver.Url, "order.status_changed");

        var orderId = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();
        (await platform.AdminMoveAsync(orderId, "confirm")).EnsureSuccessStatusCode();
        await platform.DispatchAsync();
        await platform.DispatchAsync();

        Assert.Equal(["order.status_changed"], receiver.Received.Select(r => r.Type));
    }

    [Fact]
    public async Task AnotherPartnersEvents_NeverReachMySubscription()
    {
        using var mine = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var me = await platform.NewPartnerSessionAsync();
        var other = await platform.NewPartnerSessionAsync();
        await me.SubscribeAsync(mine.Url);

        await other.PlaceOrderAsync((sku, 1));
        await platform.DispatchAsync();
        Assert.Empty(mine.Received);

        var liveCredential = await platform.IssueCredentialAsync(me.PartnerId, "live");
        var myLiveSession = platform.ClientWithToken(await platform.TokenAsync(liveCredential.ClientId, liveCredential.Secret));
        await platform.SetBrandStockAsync(sku, 100, "live");
        (await myLiveSession.PostOrderAsync(CommerceSetup.OrderBody("PO-LIVE-1", (sku, 1)))).EnsureSuccessStatusCode();
        await platform.DispatchAsync();
        Assert.Empty(mine.Received); // my live events do not go to my sandbox subscription
    }

    [Fact]
    public async Task TestEvent_IsSentAtOnce_SignedAndLogged()
    {
        using var receiver = new WebhookReceiver();
        var session = await platform.NewPartnerSessionAsync();
        var (id, secret) = await session.SubscribeAsync(receiver.Url);

        var result = await (await session.Client.PostAsync($"/v1/webhooks/{id}/test", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.True(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("webhook.test", result["eventType"]!.GetValue<string>());
        var received = Assert.Single(receiver.Received);
        Assert.Equal("webhook.test", received.Type);
        Assert.True(received.VerifiesWith(secret));
        Assert.Single(await session.DeliveriesAsync(id));
    }

    [Fact]
    public async Task ATestEventToAFailingReceiver_ReportsTheFailure()
    {
        using var receiver = new WebhookReceiver();
        receiver.AnswerWith(503, body: "maintenance");
        var session = await platform.NewPartnerSessionAsync();
        var (id, _) = await session.SubscribeAsync(receiver.Url);

        var result = await (await session.Client.PostAsync($"/v1/webhooks/{id}/test", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal(503, result["statusCode"]!.GetValue<int>());
        Assert.Contains("maintenance", result["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task RotatedSecret_BothSignDuringTheOverlap_ThenOnlyTheNewOne()
    {
        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var (id, oldSecret) = await session.SubscribeAsync(receiver.Url, "order.created");

        var rotated = await (await session.Client.PostAsJsonAsync($"/v1/webhooks/{id}/rotate-secret", new { overlapHours = 24 })).ReadJsonAsync(HttpStatusCode.OK);
        var newSecret = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.NotNull(rotated["webhook"]!["previousSecretExpiresAt"]);

        await session.PlaceOrderAsync((sku, 1));
        await platform.DispatchAsync();
        var during = receiver.Received.Single();
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True(during.VerifiesWith(oldSecret));
        Assert.True(during.VerifiesWith(newSecret));

        platform.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var later = session with { Client = platform.ClientWithToken(await platform.TokenAsync(session.Credential.ClientId, session.Credential.Secret)) };
        await later.PlaceOrderAsync((sku, 1));
        await platform.DispatchAsync();
        var after = receiver.Received.Last();
        Assert.NotEqual(during.Id, after.Id);
        Assert.Single(after.Signature.Split(' '));
        Assert.True(after.VerifiesWith(newSecret));
        Assert.False(after.VerifiesWith(oldSecret));
    }
}

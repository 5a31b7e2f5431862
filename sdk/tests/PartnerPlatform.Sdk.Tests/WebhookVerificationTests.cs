using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Webhooks;

namespace PartnerPlatform.Sdk.Tests;

public sealed class WebhookVerificationTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    // The Standard Webhooks specification's published test vector.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Body = "{\"test\": 2432232314}";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    private static Dictionary<string, string> Headers(string signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", string timestamp = "1614265330") => new()
    {
        ["webhook-id"] = "msg_p5jXN8AQM9LWM0D4loKWxJek", ["webhook-timestamp"] = timestamp, ["webhook-signature"] = signature,
    };

    [Fact]
    public void TheStandardWebhooksTestVector_Verifies() => Webhook.Verify(Body, Headers(), Secret, now: SignedAt);

    [Fact]
    public void ATamperedBody_IsRejected() =>
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Body.Replace('2', '3'), Headers(), Secret, now: SignedAt));

    [Fact]
    public void AnOldDelivery_IsRejectedAsAPossibleReplay() =>
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Body, Headers(), Secret, now: SignedAt.AddMinutes(6)));

    [Fact]
    public void DuringARotation_EitherSecretVerifies()
    {
        const string other = "whsec_dGhlLW90aGVyLXNlY3JldC1mb3ItdGhlLXRlc3Q=";
        var both = Headers(Webhook.Sign(other, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", Body) + " v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        Webhook.Verify(Body, both, Secret, now: SignedAt);
        Webhook.Verify(Body, both, other, now: SignedAt);
        Assert.Throws<WebhookVerificationException>(() => Webhook.Verify(Body, both, "whsec_" + Convert.ToBase64String(new byte[32]), now: SignedAt));
    }

    [Fact]
    public async Task ARealDelivery_VerifiesAndReadsAsAnEvent()
    {
        using var receiver = new WebhookReceiver();
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var (_, secret) = await session.SubscribeAsync(receiver.Url, "order.created");
        var orderId = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();
        await platform.DispatchAsync();
        var delivery = Assert.Single(receiver.Received);
        var headers = new Dictionary<string, string>
        {
            ["Webhook-Id"] = delivery.Id, ["Webhook-Timestamp"] = delivery.Timestamp, ["Webhook-Signature"] = delivery.Signature,
        };

        var received = Webhook.ConstructEvent(delivery.Body, headers, secret, now: platform.Clock.GetUtcNow());

        Assert.Equal("order.created", received.Type);
        Assert.Equal(orderId, received.DataJson.GetProperty("orderId").GetString());
        Assert.Throws<WebhookVerificationException>(() => Webhook.ConstructEvent(delivery.Body + " ", headers, secret, now: platform.Clock.GetUtcNow()));
    }
}

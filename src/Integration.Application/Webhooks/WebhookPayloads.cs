using System.Text.Json;
using Integration.Application.Events;
using Integration.Application.Hosting;
using Integration.Core.Events;
using Integration.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Integration.Application.Webhooks;

/// <summary>A delivered event's body: the same JSON as the event in <c>GET /v1/events</c>.</summary>
public sealed class WebhookPayloads(ContractJson json)
{
    public string Of(PartnerEvent partnerEvent) => JsonSerializer.Serialize(EventResponse.Of(partnerEvent), json.Options);
}

public static class WebhookDeliveries
{
    private const int MaxErrorLength = 500;

    public static WebhookDelivery Record(WebhookSubscription subscription, PartnerEvent delivered, int attemptNumber, DeliveryAttempt attempt, DateTimeOffset at) => new()
    {
        SubscriptionId = subscription.Id, PartnerId = subscription.PartnerId, Environment = subscription.Environment,
        EventId = delivered.Id, EventType = delivered.Type, Sequence = delivered.Sequence, Attempt = attemptNumber, AttemptedAt = at,
        Succeeded = attempt.Succeeded, StatusCode = attempt.StatusCode, LatencyMs = attempt.LatencyMs,
        Error = attempt.Error is { Length: > MaxErrorLength } error ? error[..MaxErrorLength] : attempt.Error,
    };
}

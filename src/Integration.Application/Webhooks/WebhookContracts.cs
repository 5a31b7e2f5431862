using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Webhooks;

namespace Integration.Application.Webhooks;

/// <summary>A new webhook subscription.</summary>
public sealed record CreateWebhookRequest
{
    /// <summary>Where events are posted: https://, reachable from the internet.</summary>
    [Identifier]
    [StringLength(ContractLimits.Url, MinimumLength = 1)]
    public required string Url { get; init; }

    /// <summary>The event types to receive (see <c>docs/webhooks.md</c>); at least one.</summary>
    [Identifier]
    [MinLength(1, ErrorMessage = "Name at least one event type.")]
    [MaxLength(ContractLimits.WebhookEventTypes)]
    [MaxLengthEach(ContractLimits.Token)]
    public required IReadOnlyList<string> EventTypes { get; init; }

    [StringLength(ContractLimits.Description)]
    public string? Description { get; init; }
}

/// <summary>Only the fields present change.</summary>
public sealed record UpdateWebhookRequest
{
    [Identifier]
    [StringLength(ContractLimits.Url, MinimumLength = 1)]
    public string? Url { get; init; }

    [Identifier]
    [MinLength(1, ErrorMessage = "Name at least one event type.")]
    [MaxLength(ContractLimits.WebhookEventTypes)]
    [MaxLengthEach(ContractLimits.Token)]
    public IReadOnlyList<string>? EventTypes { get; init; }

    [StringLength(ContractLimits.Description)]
    public string? Description { get; init; }

    /// <summary><c>enabled</c> resumes a disabled subscription from where it stopped (or replay first to choose where).</summary>
    public WebhookStatus? Status { get; init; }
}

/// <summary>How a webhook secret rotation overlaps.</summary>
public sealed record RotateWebhookSecretRequest
{
    /// <summary>How long the old secret keeps signing alongside the new one: 0 to 168 hours, default 24.</summary>
    [Range(0, 168)]
    public int? OverlapHours { get; init; }
}

/// <summary>Give exactly one of the two.</summary>
public sealed record ReplayWebhookRequest
{
    /// <summary>Deliver again from this sequence number on (inclusive).</summary>
    [Range(1, long.MaxValue)]
    public long? FromSequence { get; init; }

    /// <summary>Deliver again every event that occurred at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }
}

/// <summary>A webhook subscription and its delivery state.</summary>
public sealed record WebhookResponse(
    string Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    WebhookStatus Status,
    string? DisabledReason,
    long LastHandledSequence,
    int FailedAttempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static WebhookResponse Of(WebhookSubscription s, DateTimeOffset now) => new(
        s.Id, s.Url, s.EventTypes, s.Description, s.Status, s.DisabledReason, s.Position, s.FailedAttempts,
        s.FailedAttempts > 0 ? s.NextAttemptAt : null, s.PreviousSecretExpiresAt > now ? s.PreviousSecretExpiresAt : null, s.CreatedAt, s.UpdatedAt);
}

/// <summary>The signing secret is shown here once; keep it safe.</summary>
public sealed record WebhookWithSecretResponse(WebhookResponse Webhook, string Secret);

/// <summary>One delivery attempt of one event to a subscription.</summary>
public sealed record WebhookDeliveryResponse(
    long Id, string EventId, string EventType, long Sequence, int Attempt, DateTimeOffset AttemptedAt, bool Succeeded, int? StatusCode, int LatencyMs, string? Error)
{
    public static WebhookDeliveryResponse Of(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.Sequence, d.Attempt, d.AttemptedAt, d.Succeeded, d.StatusCode, d.LatencyMs, d.Error);
}

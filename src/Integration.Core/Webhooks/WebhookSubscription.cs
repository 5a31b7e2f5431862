using Integration.Core.Common;

namespace Integration.Core.Webhooks;

public enum WebhookStatus
{
    Enabled,
    Disabled,
}

/// <summary>
/// A partner's endpoint for events. Delivery walks the partner's event sequence in order:
/// <see cref="Position"/> is the last sequence number handled (delivered, or not subscribed to); a
/// failing event holds the ones behind it. A subscription that fails for the whole retry window is
/// disabled, never deleted, and resumes from <see cref="Position"/> (or a replayed one) when enabled.
/// </summary>
public sealed class WebhookSubscription : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string Url { get; set; }
    public List<string> EventTypes { get; set; } = [];
    public string? Description { get; set; }
    public WebhookStatus Status { get; set; }
    public string? DisabledReason { get; set; }

    /// <summary>The signing secret, encrypted at rest (it must be readable to sign, so it cannot be hashed).</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>The secret before the last rotation; it signs too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousProtectedSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public long Position { get; set; }

    /// <summary>Failed attempts at the event after <see cref="Position"/>.</summary>
    public int FailedAttempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When the current run of failures began; the retry window is counted from it.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>The dispatcher instance working on this subscription, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Receives(string eventType) => EventTypes.Contains(eventType);
}

/// <summary>One attempt to deliver one event to one subscription: the delivery log.</summary>
public sealed class WebhookDelivery : IPartnerOwned
{
    public long Id { get; init; }
    public required string SubscriptionId { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }

    /// <summary>The event's sequence number; 0 for a test event.</summary>
    public long Sequence { get; init; }

    public int Attempt { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
    public bool Succeeded { get; init; }
    public int? StatusCode { get; init; }
    public int LatencyMs { get; init; }
    public string? Error { get; init; }
}

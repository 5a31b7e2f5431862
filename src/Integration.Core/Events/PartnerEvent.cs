using Integration.Core.Common;

namespace Integration.Core.Events;

/// <summary>
/// One business change, immutable, written in the same transaction as the change (the transactional
/// outbox). <see cref="Sequence"/> numbers a partner's events in one environment 1, 2, 3… without
/// gaps, in commit order: webhooks deliver in that order and <c>GET /v1/events</c> pages through it.
/// </summary>
public sealed class PartnerEvent : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public long Sequence { get; init; }
    public required string Type { get; init; }

    /// <summary>The id of what changed (an order, a subscription…).</summary>
    public required string SubjectId { get; init; }

    /// <summary>The event's <c>data</c> object as JSON.</summary>
    public required string Data { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The last sequence number given out for a partner's events in one environment.</summary>
public sealed class EventStream
{
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public long LastSequence { get; set; }
}

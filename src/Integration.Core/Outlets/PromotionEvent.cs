using Integration.Core.Common;

namespace Integration.Core.Outlets;

/// <summary>
/// A promotional event run at some of a partner's outlets, with its planned and actual dates and its cost
/// (domain.md › Partner insights: on-time activity rate and ROI of an event).
/// </summary>
public sealed class PromotionEvent : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string Name { get; set; }
    public List<string> OutletIds { get; set; } = [];
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedEnd { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualEnd { get; set; }
    public decimal Cost { get; set; }
    public string Currency { get; init; } = Money.DefaultCurrency;
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Ended, and not after its planned end.</summary>
    public bool EndedOnTime => ActualEnd is { } end && end <= PlannedEnd;
}

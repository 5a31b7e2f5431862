using Integration.Core.Common;

namespace Integration.Core.Settlement;

/// <summary>A partner activity (launch event, campaign) an internal team approved; 50% of its cost, at most 50,000, is credited.</summary>
public sealed class ActivitySubsidy : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string EventName { get; init; }
    public decimal Cost { get; init; }
    public decimal Subsidy { get; init; }
    public DateTimeOffset ApprovedAt { get; init; }
    public required string ApprovedBy { get; init; }
}

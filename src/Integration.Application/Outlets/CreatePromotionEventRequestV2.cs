using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;

namespace Integration.Application.Outlets;

/// <summary>A promotional event you plan at some of your outlets, its cost a decimal string.</summary>
public sealed record CreatePromotionEventRequestV2
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string Name { get; init; }

    /// <summary>The outlets it runs at (<c>out_…</c>), 1 to 50, all yours in this environment.</summary>
    [Identifier]
    [MinLength(1)]
    [MaxLength(ContractLimits.OutletsPerEvent)]
    [MaxLengthEach(ContractLimits.Id)]
    public required IReadOnlyList<string> OutletIds { get; init; }

    /// <summary>The first day planned.</summary>
    public required DateOnly PlannedStart { get; init; }

    /// <summary>The last day planned, not before <c>plannedStart</c>.</summary>
    public required DateOnly PlannedEnd { get; init; }

    /// <summary>What the event costs, in the platform's currency.</summary>
    [DecimalString(ContractLimits.ActivityCost)]
    public required decimal Cost { get; init; }

    public CreatePromotionEventRequest AsShared() =>
        new() { Name = Name, OutletIds = OutletIds, PlannedStart = PlannedStart, PlannedEnd = PlannedEnd, Cost = Cost };
}

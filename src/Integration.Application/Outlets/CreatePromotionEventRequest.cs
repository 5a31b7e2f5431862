using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;

namespace Integration.Application.Outlets;

/// <summary>A promotional event you plan at some of your outlets, its cost a number with two decimals (v1).</summary>
public sealed record CreatePromotionEventRequest
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

    /// <summary>What the event costs, in the platform's currency: 0.01 to 1,000,000,000.00, two decimals at most.</summary>
    [Range(typeof(decimal), "0.01", "1000000000", ErrorMessage = "cost must be above 0 and at most 1,000,000,000.")]
    [MaxDecimalPlaces(2)]
    public required decimal Cost { get; init; }
}

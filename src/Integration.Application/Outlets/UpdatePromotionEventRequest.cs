using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;

namespace Integration.Application.Outlets;

/// <summary>What actually happened, and any change of name or plan; only the fields present change.</summary>
public sealed record UpdatePromotionEventRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>The first day planned.</summary>
    public DateOnly? PlannedStart { get; init; }

    /// <summary>The last day planned, not before <c>plannedStart</c>.</summary>
    public DateOnly? PlannedEnd { get; init; }

    /// <summary>The day it actually started; not in the future.</summary>
    public DateOnly? ActualStart { get; init; }

    /// <summary>The day it actually ended: not before <c>actualStart</c>, not in the future. Ended on time when not after <c>plannedEnd</c>.</summary>
    public DateOnly? ActualEnd { get; init; }
}

using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;

namespace Integration.Application.Outlets;

/// <summary>One outlet's day in a bulk report.</summary>
public sealed record ActivityReportRow
{
    /// <summary>The outlet (<c>out_…</c>); it must be yours in this environment.</summary>
    [Identifier]
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public required string OutletId { get; init; }

    /// <summary>The day reported: one that has begun, on which the outlet was open.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>People who came in, 0 to 1,000,000.</summary>
    [Range(0, ContractLimits.DailyFootfall)]
    public required int Footfall { get; init; }

    /// <summary>People who bought, 0 to <c>footfall</c>.</summary>
    [Range(0, ContractLimits.DailyFootfall)]
    public required int Conversions { get; init; }
}

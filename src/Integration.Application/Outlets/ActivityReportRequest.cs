using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;

namespace Integration.Application.Outlets;

/// <summary>One outlet's day: how many people came in and how many of them bought.</summary>
public sealed record ActivityReportRequest
{
    /// <summary>People who came in, 0 to 1,000,000.</summary>
    [Range(0, ContractLimits.DailyFootfall)]
    public required int Footfall { get; init; }

    /// <summary>People who bought, 0 to <c>footfall</c>.</summary>
    [Range(0, ContractLimits.DailyFootfall)]
    public required int Conversions { get; init; }
}

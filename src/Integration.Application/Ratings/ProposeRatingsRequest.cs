using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;

namespace Integration.Application.Ratings;

/// <summary>Assess payment histories now, as the quarter-end job does: for one partner or every live partner.</summary>
public sealed record ProposeRatingsRequest
{
    /// <summary>An ended quarter, <c>2026-Q1</c>; the last ended one when absent.</summary>
    [StringLength(7, MinimumLength = 7)]
    [RegularExpression(@"^\d{4}-Q[1-4]$", ErrorMessage = "quarter is a quarter such as 2026-Q1.")]
    public string? Quarter { get; init; }

    [Identifier]
    [StringLength(ContractLimits.Id)]
    public string? PartnerId { get; init; }
}

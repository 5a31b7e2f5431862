using System.ComponentModel.DataAnnotations;
using Integration.Application.Outlets;
using Integration.Core.Common;

namespace Integration.Api.Outlets;

/// <summary>
/// Up to 1,000 outlet days. A row outside the documented bounds (a negative footfall, an id too long) refuses the whole
/// request with 400 naming it, as any malformed body; a well-formed row the rules refuse is reported beside the others.
/// </summary>
public sealed record BulkActivityReportsRequest
{
    [MinLength(1)]
    [MaxLength(ContractLimits.ActivityReportRows)]
    public required IReadOnlyList<ActivityReportRow> Reports { get; init; }
}

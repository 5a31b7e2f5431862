using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;
using Integration.Core.Outlets;

namespace Integration.Application.Outlets;

/// <summary>An outlet's reported day, as last reported.</summary>
public sealed record ActivityReportResponse(
    [property: StringLength(ContractLimits.Id)] string OutletId,
    DateOnly Day,
    [property: Range(0, ContractLimits.DailyFootfall)] int Footfall,
    [property: Range(0, ContractLimits.DailyFootfall)] int Conversions,
    DateTimeOffset ReportedAt)
{
    public static ActivityReportResponse Of(OutletDay d) => new(d.OutletId, d.Day, d.Footfall, d.Conversions, d.ReportedAt);
}

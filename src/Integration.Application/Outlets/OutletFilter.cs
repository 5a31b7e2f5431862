using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;
using Integration.Core.Outlets;

namespace Integration.Application.Outlets;

/// <summary>Which outlets a list shows.</summary>
public sealed record OutletFilter
{
    /// <summary>Only outlets with this status today: <c>open</c>, <c>closed</c> or <c>not_yet_open</c>.</summary>
    public OutletStatus? Status { get; init; }

    /// <summary>Only outlets in this region or below it: <c>CN-SH</c> lists <c>CN-SH</c> and <c>CN-SH-JA</c>.</summary>
    [StringLength(ContractLimits.RegionCode)]
    [RegularExpression(Core.Partners.RegionCode.Pattern, ErrorMessage = "regionCode is a region code such as CN, CN-SH or CN-SH-PD.")]
    public string? RegionCode { get; init; }
}

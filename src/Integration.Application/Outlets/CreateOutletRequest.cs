using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Outlets;

namespace Integration.Application.Outlets;

/// <summary>A new point of sale.</summary>
public sealed record CreateOutletRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string Name { get; init; }

    /// <summary>The city-level region code the outlet is in, e.g. <c>CN-SH-JA</c>.</summary>
    [RegularExpression(Core.Partners.RegionCode.Pattern, ErrorMessage = "regionCode is a region code such as CN, CN-SH or CN-SH-PD.")]
    public required string RegionCode { get; init; }

    public required OutletType Type { get; init; }

    /// <summary>Floor area in square metres, 0 to 1,000,000 with at most two decimals.</summary>
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "areaSquareMetres is from 0 to 1,000,000.")]
    [MaxDecimalPlaces(2)]
    public decimal? AreaSquareMetres { get; init; }

    /// <summary>The day the outlet opened (or will open).</summary>
    public required DateOnly OpenedOn { get; init; }

    /// <summary>The day it closed, if it already has: not before <c>openedOn</c>. It is not open from this day on.</summary>
    public DateOnly? ClosedOn { get; init; }
}

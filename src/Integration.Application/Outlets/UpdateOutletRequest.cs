using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Outlets;

namespace Integration.Application.Outlets;

/// <summary>Only the fields present change; <c>"closedOn": null</c> re-opens a closed outlet.</summary>
public sealed record UpdateOutletRequest
{
    private readonly DateOnly? closedOn;

    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public string? Name { get; init; }

    public OutletType? Type { get; init; }

    /// <summary>Floor area in square metres, 0 to 1,000,000 with at most two decimals.</summary>
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "areaSquareMetres is from 0 to 1,000,000.")]
    [MaxDecimalPlaces(2)]
    public decimal? AreaSquareMetres { get; init; }

    /// <summary>Closes the outlet from this day on (not before <c>openedOn</c>); <c>null</c> re-opens it.</summary>
    public DateOnly? ClosedOn
    {
        get => closedOn;
        init
        {
            closedOn = value;
            ClosedOnGiven = true;
        }
    }

    /// <summary>Whether the body named <c>closedOn</c> at all: absent leaves it, <c>null</c> clears it.</summary>
    [JsonIgnore]
    public bool ClosedOnGiven { get; private init; }
}

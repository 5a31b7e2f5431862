using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;
using Integration.Core.Customers;

namespace Integration.Application.Customers;

/// <summary>A customer's postal address. Without <c>customers:pii:read</c> only the region and country are shown.</summary>
public sealed record CustomerAddressBody
{
    [StringLength(ContractLimits.Address, MinimumLength = 1)]
    public string? Line { get; init; }

    [StringLength(ContractLimits.City, MinimumLength = 1)]
    public string? City { get; init; }

    /// <summary>The city-level region, e.g. <c>CN-SH-PD</c>.</summary>
    [StringLength(ContractLimits.RegionCode)]
    [RegularExpression(Core.Partners.RegionCode.Pattern, ErrorMessage = "regionCode is a region code such as CN, CN-SH or CN-SH-PD.")]
    public string? RegionCode { get; init; }

    [StringLength(ContractLimits.PostalCode, MinimumLength = 1)]
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2, e.g. <c>CN</c>.</summary>
    [StringLength(ContractLimits.CountryCode)]
    [RegularExpression(ContractPatterns.CountryCode, ErrorMessage = "country is an ISO 3166-1 alpha-2 code such as CN.")]
    public string? Country { get; init; }

    public CustomerAddress ToAddress() => new(Line, City, RegionCode, PostalCode, Country);

    public static CustomerAddressBody Of(CustomerAddress address) => new()
    {
        Line = address.Line, City = address.City, RegionCode = address.RegionCode, PostalCode = address.PostalCode, Country = address.Country,
    };
}

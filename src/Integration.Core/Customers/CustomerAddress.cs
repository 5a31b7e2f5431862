namespace Integration.Core.Customers;

/// <summary>A customer's postal address; <see cref="RegionCode"/> is its city-level region (<c>CN-SH-PD</c>).</summary>
public sealed record CustomerAddress(string? Line, string? City, string? RegionCode, string? PostalCode, string? Country)
{
    /// <summary>Reduced to its city-level region (and country), as a reader without <c>customers:pii:read</c> sees it.</summary>
    public CustomerAddress Masked() => new(null, null, RegionCode, null, Country);
}

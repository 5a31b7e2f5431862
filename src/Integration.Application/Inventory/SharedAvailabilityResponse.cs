namespace Integration.Application.Inventory;

/// <summary>What is available to order or transfer, for a SKU, in your environment.</summary>
/// <param name="Sku">The SKU asked for.</param>
/// <param name="Brand">The brand's own available stock (on hand minus reserved by confirmed orders).</param>
/// <param name="Locations">Other partners' locations that share this SKU with you and have some available, most first.</param>
public sealed record SharedAvailabilityResponse(string Sku, BrandAvailability Brand, IReadOnlyList<SharedLocationAvailability> Locations);

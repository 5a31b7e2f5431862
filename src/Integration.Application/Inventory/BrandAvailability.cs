namespace Integration.Application.Inventory;

/// <summary>The brand's own stock of a SKU in your environment.</summary>
/// <param name="Available">Units the brand can still reserve for orders.</param>
public sealed record BrandAvailability(int Available);

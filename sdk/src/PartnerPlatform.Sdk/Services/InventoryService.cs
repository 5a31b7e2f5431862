namespace PartnerPlatform.Sdk;

/// <summary>Stock you can order or request: <c>client.Inventory</c>.</summary>
public sealed class InventoryService
{
    private readonly InventoryClient _api;

    internal InventoryService(HttpClient http) => _api = new InventoryClient(http) { ReadResponseAsString = true };

    /// <summary>Available units of a SKU in your environment: the brand's, and partners' who share with you.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<SharedAvailabilityResponse> GetSharedAvailabilityAsync(string sku, CancellationToken cancellationToken = default) =>
        _api.GetSharedAvailabilityAsync(sku, cancellationToken);
}

namespace Integration.Application.Inventory;

/// <summary>Another partner's location sharing a SKU with you: only where, and how many.</summary>
/// <param name="LocationId">The sharing partner's location.</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="Available">Units it shares.</param>
public sealed record SharedLocationAvailability(string LocationId, string RegionCode, int Available);

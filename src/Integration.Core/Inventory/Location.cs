using Integration.Core.Common;

namespace Integration.Core.Inventory;

public enum LocationType
{
    Warehouse,
    Store,
}

/// <summary>Who may see a location's available stock (domain.md › Inventory sharing).</summary>
public enum SharingPolicy
{
    Nobody,

    /// <summary>Partners whose region is the location's region or lies below it.</summary>
    Region,

    AllPartners,

    /// <summary>The partners listed in <see cref="Location.SharedWith"/>.</summary>
    Named,
}

/// <summary>A partner's warehouse or store, holding stock per SKU.</summary>
public sealed class Location : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string Name { get; set; }
    public LocationType Type { get; set; }
    public required string RegionCode { get; set; }
    public string? Address { get; set; }
    public SharingPolicy Sharing { get; set; }
    public List<string> SharedWith { get; set; } = [];
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Stock of one SKU at one location. Available = on hand − reserved, never negative; every change
/// moves <see cref="Version"/> on by one (the ETag) and is one event in the partner's change feed.
/// </summary>
public sealed class StockLevel : IPartnerOwned
{
    public required string LocationId { get; init; }
    public required string Sku { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public int Version { get; set; } = 1;
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When available falls below this, an <c>inventory.low_stock</c> event is recorded (once per crossing).</summary>
    public int? LowStockThreshold { get; set; }

    public int Available => OnHand - Reserved;

    /// <summary>Whether a change from <paramref name="availableBefore"/> to the current level crossed the threshold downwards.</summary>
    public bool FellBelowThreshold(int availableBefore) =>
        LowStockThreshold is { } threshold && availableBefore >= threshold && Available < threshold;
}

/// <summary>Why a relative adjustment was made; kept with the change.</summary>
public enum AdjustmentReason
{
    Received,
    Sold,
    Returned,
    Damaged,
    Lost,
    CountCorrection,
}

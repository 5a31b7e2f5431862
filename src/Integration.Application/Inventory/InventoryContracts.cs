using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Inventory;

namespace Integration.Application.Inventory;

/// <summary>A new warehouse or store.</summary>
public sealed record CreateLocationRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string Name { get; init; }

    public required LocationType Type { get; init; }

    /// <summary>Country, province or city code, e.g. <c>CN-SH</c> or <c>CN-SH-PD</c>.</summary>
    [RegularExpression(Core.Partners.RegionCode.Pattern, ErrorMessage = "regionCode is a region code such as CN, CN-SH or CN-SH-PD.")]
    public required string RegionCode { get; init; }

    [StringLength(ContractLimits.Address)]
    public string? Address { get; init; }

    /// <summary>Who may see this location's available stock; default <c>nobody</c>.</summary>
    public SharingPolicy Sharing { get; init; } = SharingPolicy.Nobody;

    /// <summary>With <c>named</c>: the partner ids that may see it.</summary>
    [Identifier]
    [MaxLength(ContractLimits.SharedWithPartners)]
    [MaxLengthEach(ContractLimits.Id)]
    public IReadOnlyList<string>? SharedWith { get; init; }
}

/// <summary>Only the fields present change.</summary>
public sealed record UpdateLocationRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public string? Name { get; init; }

    public LocationType? Type { get; init; }

    [RegularExpression(Core.Partners.RegionCode.Pattern, ErrorMessage = "regionCode is a region code such as CN, CN-SH or CN-SH-PD.")]
    public string? RegionCode { get; init; }

    [StringLength(ContractLimits.Address)]
    public string? Address { get; init; }

    public SharingPolicy? Sharing { get; init; }

    [Identifier]
    [MaxLength(ContractLimits.SharedWithPartners)]
    [MaxLengthEach(ContractLimits.Id)]
    public IReadOnlyList<string>? SharedWith { get; init; }
}

/// <summary>A warehouse or store of yours. Its ETag is <c>"v{version}"</c>.</summary>
public sealed record LocationResponse(
    string Id, string Name, LocationType Type, string RegionCode, string? Address, SharingPolicy Sharing, IReadOnlyList<string> SharedWith,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static LocationResponse Of(Location l) =>
        new(l.Id, l.Name, l.Type, l.RegionCode, l.Address, l.Sharing, l.SharedWith, l.Version, l.CreatedAt, l.UpdatedAt);
}

/// <summary>An absolute stock count.</summary>
public sealed record SetStockRequest
{
    /// <summary>Units physically at the location, 0 to 10,000,000; cannot go below what is reserved.</summary>
    [Range(0, ContractLimits.Stock)]
    public required int OnHand { get; init; }
}

/// <summary>A relative change of a stock level, with its reason.</summary>
public sealed record StockAdjustmentRequest
{
    [Identifier]
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public required string LocationId { get; init; }

    [RegularExpression(SkuFormat.Pattern, ErrorMessage = SkuFormat.Message)]
    public required string Sku { get; init; }

    /// <summary>Units to add (positive) or remove (negative), never zero.</summary>
    [Range(-ContractLimits.Stock, ContractLimits.Stock)]
    public required int Delta { get; init; }

    public required AdjustmentReason Reason { get; init; }

    [StringLength(ContractLimits.Note)]
    public string? Note { get; init; }
}

/// <summary>Stock of a SKU at a location. The ETag is <c>"v{version}"</c>.</summary>
public sealed record StockLevelResponse(
    [property: StringLength(ContractLimits.Id)] string LocationId, [property: RegularExpression(SkuFormat.Pattern)] string Sku,
    [property: Range(0, ContractLimits.Stock)] int OnHand, [property: Range(0, ContractLimits.Stock)] int Reserved, [property: Range(0, ContractLimits.Stock)] int Available,
    [property: Range(0, ContractLimits.Stock)] int? LowStockThreshold, [property: Range(1, int.MaxValue)] int Version, DateTimeOffset UpdatedAt)
{
    public static StockLevelResponse Of(StockLevel s) => new(s.LocationId, s.Sku, s.OnHand, s.Reserved, s.Available, s.LowStockThreshold, s.Version, s.UpdatedAt);
}

/// <summary>The low-stock threshold of a stock level.</summary>
public sealed record LowStockThresholdRequest
{
    /// <summary>Record <c>inventory.low_stock</c> when available falls below this (0 to 10,000,000); null stops it.</summary>
    [Range(0, ContractLimits.Stock)]
    public int? Threshold { get; init; }
}

/// <summary>
/// One change of your stock, from the change feed: the level after the change. <c>sequence</c> is
/// its place in your event log (resume after the last one you applied); <c>change</c> is <c>set</c>
/// or the adjustment reason, with its <c>delta</c>.
/// </summary>
public sealed record StockChangeResponse(
    [property: Range(1, long.MaxValue)] long Sequence, [property: StringLength(ContractLimits.Id)] string LocationId, [property: RegularExpression(SkuFormat.Pattern)] string Sku,
    [property: Range(0, ContractLimits.Stock)] int OnHand, [property: Range(0, ContractLimits.Stock)] int Reserved, [property: Range(0, ContractLimits.Stock)] int Available,
    [property: Range(1, int.MaxValue)] int Version, [property: StringLength(ContractLimits.Token)] string Change, [property: Range(-ContractLimits.Stock, ContractLimits.Stock)] int? Delta,
    DateTimeOffset OccurredAt);

/// <summary>Either an absolute <c>onHand</c> or a relative <c>delta</c> with its <c>reason</c>.</summary>
public sealed record BulkStockRow
{
    [Identifier]
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public required string LocationId { get; init; }

    [RegularExpression(SkuFormat.Pattern, ErrorMessage = SkuFormat.Message)]
    public required string Sku { get; init; }

    [Range(0, ContractLimits.Stock)]
    public int? OnHand { get; init; }

    [Range(-ContractLimits.Stock, ContractLimits.Stock)]
    public int? Delta { get; init; }

    public AdjustmentReason? Reason { get; init; }
}

/// <summary>What a bulk sync applied.</summary>
/// <param name="Applied">Rows applied (all of them).</param>
/// <param name="Created">Levels that did not exist before.</param>
public sealed record BulkStockResponse([property: Range(0, ContractLimits.BulkStockRows)] int Applied, [property: Range(0, ContractLimits.BulkStockRows)] int Created);

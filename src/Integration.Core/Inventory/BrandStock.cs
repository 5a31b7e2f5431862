using Integration.Core.Common;

namespace Integration.Core.Inventory;

/// <summary>
/// The brand's own stock of a SKU in one environment. Confirming an order reserves it, shipping
/// consumes it, cancelling a confirmed order releases it. Available = on hand − reserved, never negative.
/// </summary>
public sealed class BrandStock
{
    public required string Sku { get; init; }
    public ApiEnvironment Environment { get; init; }
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int Available => OnHand - Reserved;
}

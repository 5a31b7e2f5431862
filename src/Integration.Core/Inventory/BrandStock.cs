using Integration.Core.Common;

namespace Integration.Core.Inventory;

/// <summary>
/// The brand's own stock of a SKU in one environment. Confirming an order reserves it, shipping
/// consumes it, cancelling a confirmed order releases it. Available = on hand − reserved, never negative.
/// </summary>
public sealed class BrandStock
{
    /// <summary>The pool internal teams manage: all of live, and the sandbox's shared stock.</summary>
    public const string SharedPool = "";

    public required string Sku { get; init; }
    public ApiEnvironment Environment { get; init; }

    /// <summary>
    /// <see cref="SharedPool"/>, or the partner whose sandbox owns this stock: a seeded sandbox keeps the
    /// stock of its scenario products to itself, so no other partner's sandbox can use it up.
    /// </summary>
    public string Pool { get; init; } = SharedPool;
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int Available => OnHand - Reserved;
}

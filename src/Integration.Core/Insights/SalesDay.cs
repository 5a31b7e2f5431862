using Integration.Core.Common;

namespace Integration.Core.Insights;

/// <summary>
/// What a partner delivered and had returned on one day (UTC, or the sandbox clock's) at one outlet: the aggregate
/// that net sales, orders, average order value, event ROI and regions are read from instead of the orders.
/// Kept up to date in the transaction that delivers or returns an order (docs/adr/0022).
/// </summary>
public sealed class SalesDay : IPartnerOwned
{
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public DateOnly Day { get; init; }

    /// <summary>The outlet that sold the orders; empty for orders that named none.</summary>
    public string OutletId { get; init; } = "";

    public decimal Delivered { get; set; }
    public int DeliveredOrders { get; set; }
    public decimal Returned { get; set; }
    public int ReturnedOrders { get; set; }
}

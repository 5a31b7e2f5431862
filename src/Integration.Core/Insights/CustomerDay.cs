using Integration.Core.Common;

namespace Integration.Core.Insights;

/// <summary>
/// How many orders a customer had delivered on one day: new customers, repeat customers and the repurchase rate are
/// read from these. Keyed by the internal customer id, which erasure keeps, so erasing a customer changes no KPI.
/// </summary>
public sealed class CustomerDay : IPartnerOwned
{
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string CustomerId { get; init; }
    public DateOnly Day { get; init; }
    public int DeliveredOrders { get; set; }
}

using Integration.Core.Common;

namespace Integration.Core.Insights;

/// <summary>One SKU's delivered and returned units and line totals for a partner on one day: the top SKUs are read from these.</summary>
public sealed class SkuSalesDay : IPartnerOwned
{
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public DateOnly Day { get; init; }
    public required string Sku { get; init; }
    public int UnitsDelivered { get; set; }
    public decimal Delivered { get; set; }
    public int UnitsReturned { get; set; }
    public decimal Returned { get; set; }
}

using Integration.Core.Common;

namespace Integration.Core.Insights;

/// <summary>
/// A partner's <see cref="SalesDay"/> rows of one month summed over days and outlets: the brand-wide view and the
/// growth comparisons read one row per partner and month instead of a month of day rows. Written with the day rows,
/// in the same statement batch of the same transaction (docs/adr/0022), and rebuilt with them.
/// </summary>
public sealed class SalesMonth : IPartnerOwned
{
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; init; }

    public decimal Delivered { get; set; }
    public int DeliveredOrders { get; set; }
    public decimal Returned { get; set; }
    public int ReturnedOrders { get; set; }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

using Integration.Core.Orders;

namespace Integration.Core.Insights;

/// <summary>
/// An order delivered, or returned, on a day (UTC; in the sandbox the sandbox clock's): what settlement counts in
/// that day's month, and so what the sales aggregates add (delivered) or take off (returned).
/// </summary>
public sealed record SalesMove(Order Order, bool Returned, DateOnly Day)
{
    /// <summary>An order's move to <paramref name="target"/> at <paramref name="at"/>, when it counts for sales (a delivery or a return).</summary>
    public static SalesMove? For(Order order, OrderStatus target, DateTimeOffset at) => target switch
    {
        OrderStatus.Delivered => new(order, false, DayOf(at)),
        OrderStatus.Returned => new(order, true, DayOf(at)),
        _ => null,
    };

    /// <summary>Every move of an order's life that counts for sales: the rebuild replays these.</summary>
    public static IEnumerable<SalesMove> AllOf(Order order)
    {
        if (order.DeliveredAt is { } delivered)
        {
            yield return new(order, false, DayOf(delivered));
        }
        if (order.ReturnedAt is { } returned)
        {
            yield return new(order, true, DayOf(returned));
        }
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}

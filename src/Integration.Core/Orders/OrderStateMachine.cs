namespace Integration.Core.Orders;

/// <summary>
/// domain.md › Orders: pending → confirmed → shipped → delivered; pending|confirmed → cancelled;
/// delivered → returned (within 30 days); awaiting_payment → confirmed once prepaid. An unpaid
/// awaiting_payment order may also be cancelled.
/// </summary>
public static class OrderStateMachine
{
    public static readonly TimeSpan ReturnWindow = TimeSpan.FromDays(30);

    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Pending, OrderStatus.Confirmed) => true,
        (OrderStatus.AwaitingPayment, OrderStatus.Confirmed) => true,
        (OrderStatus.Confirmed, OrderStatus.Shipped) => true,
        (OrderStatus.Shipped, OrderStatus.Delivered) => true,
        (OrderStatus.Pending or OrderStatus.AwaitingPayment or OrderStatus.Confirmed, OrderStatus.Cancelled) => true,
        (OrderStatus.Delivered, OrderStatus.Returned) => true,
        _ => false,
    };

    /// <summary>Brand stock is reserved while an order is confirmed and consumed when it ships.</summary>
    public static bool HoldsReservation(OrderStatus status) => status == OrderStatus.Confirmed;
}

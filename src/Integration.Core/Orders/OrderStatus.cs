namespace Integration.Core.Orders;

public enum OrderStatus
{
    /// <summary>Rating C partners prepay: the order waits for the payment before it is confirmed.</summary>
    AwaitingPayment,
    Pending,
    Confirmed,
    Shipped,
    Delivered,
    Cancelled,
    Returned,
}

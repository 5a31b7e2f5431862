using Integration.Core.Common;
using Integration.Core.Orders;

namespace Integration.Core.Tests.Orders;

public sealed class OrderRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("199.99", "0.25", "149.99")] // 149.9925
    [InlineData("10.10", "0.15", "8.59")]    // 8.585: midpoint away from zero
    [InlineData("10.10", "0.10", "9.09")]
    [InlineData("0.05", "0.10", "0.05")]     // 0.045 → 0.05
    [InlineData("100.00", "0", "100.00")]
    public void UnitNetPrice_RoundsToTheCentMidpointAwayFromZero(string list, string discount, string expected) =>
        Assert.Equal(decimal.Parse(expected), Pricing.UnitNetPrice(decimal.Parse(list), decimal.Parse(discount)));

    [Fact]
    public void LineTotal_IsUnitTimesQuantityExactly()
    {
        var line = OrderLine.Price(1, "SKU-1", "Bag", 3, 199.99m, 0.25m);

        Assert.Equal(449.97m, line.LineTotal);
        Assert.Equal(150.00m, line.Discount); // (199.99 − 149.99) × 3
    }

    [Fact]
    public void OrderTotal_IsTheSumOfLineTotals()
    {
        var order = Order.Place("ord_1", "ptn_1", ApiEnvironment.Live, "R", prepay: false, 0.25m,
            [OrderLine.Price(1, "A", "A", 3, 199.99m, 0.25m), OrderLine.Price(2, "B", "B", 2, 10.10m, 0.25m)], null, Now);

        Assert.Equal(449.97m + 15.16m, order.Total);
        Assert.Equal(OrderStatus.Pending, order.Status);
    }

    [Fact]
    public void PrepayingPartners_StartAwaitingPayment()
    {
        var order = Order.Place("ord_1", "ptn_1", ApiEnvironment.Live, "R", prepay: true, 0.25m, [OrderLine.Price(1, "A", "A", 1, 1m, 0m)], null, Now);

        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
    }

    [Fact]
    public void EveryPairOfStatuses_IsAllowedExactlyAsDomainMdSays()
    {
        var allowed = new HashSet<(OrderStatus, OrderStatus)>
        {
            (OrderStatus.Pending, OrderStatus.Confirmed), (OrderStatus.AwaitingPayment, OrderStatus.Confirmed),
            (OrderStatus.Confirmed, OrderStatus.Shipped), (OrderStatus.Shipped, OrderStatus.Delivered),
            (OrderStatus.Pending, OrderStatus.Cancelled), (OrderStatus.AwaitingPayment, OrderStatus.Cancelled),
            (OrderStatus.Confirmed, OrderStatus.Cancelled), (OrderStatus.Delivered, OrderStatus.Returned),
        };
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                Assert.Equal(allowed.Contains((from, to)), OrderStateMachine.CanMove(from, to));
            }
        }
    }

    [Fact]
    public void Returns_AreAllowedWithin30DaysOfDelivery()
    {
        var order = Delivered();
        Assert.Equal("return_window_closed", Assert.Throws<DomainException>(() => order.MoveTo(OrderStatus.Returned, Now.AddDays(30).AddSeconds(1))).Code);
        Assert.Equal(OrderStatus.Delivered, Delivered().MoveTo(OrderStatus.Returned, Now.AddDays(30)));
    }

    [Fact]
    public void EachChange_BumpsTheVersionAndStampsTheTime()
    {
        var order = Order.Place("ord_1", "ptn_1", ApiEnvironment.Live, "R", prepay: true, 0m, [OrderLine.Price(1, "A", "A", 1, 1m, 0m)], null, Now);

        order.MoveTo(OrderStatus.Confirmed, Now.AddHours(1));

        Assert.Equal(2, order.Version);
        Assert.Equal(Now.AddHours(1), order.PaidAt);
        Assert.Equal(Now.AddHours(1), order.ConfirmedAt);
    }

    private static Order Delivered()
    {
        var order = Order.Place("ord_1", "ptn_1", ApiEnvironment.Live, "R", prepay: false, 0m, [OrderLine.Price(1, "A", "A", 1, 1m, 0m)], null, Now);
        order.MoveTo(OrderStatus.Confirmed, Now);
        order.MoveTo(OrderStatus.Shipped, Now);
        order.MoveTo(OrderStatus.Delivered, Now);
        return order;
    }
}

using NSubstitute;
using PartnerPlatform.Sdk;
using PartnerPlatform.Sdk.Orders;

namespace Quickstart.Tests;

/// <summary>A partner's unit test: the SDK's <see cref="IOrderService"/> substituted with NSubstitute.</summary>
public sealed class UnpaidOrdersTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Orders_awaiting_payment_longer_than_asked_are_chased_by_reference()
    {
        var orders = Substitute.For<IOrderService>();
        orders.ListAutoPagingAsync(Arg.Any<OrderListOptions?>(), Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>()).Returns(Listed(Order("PO-17"), Order("PO-18")));

        var chased = await new UnpaidOrders(orders, new FixedClock(Now)).ToChaseAsync(TimeSpan.FromDays(3));

        Assert.Equal(["PO-17", "PO-18"], chased);
        orders.Received(1).ListAutoPagingAsync(
            Arg.Is<OrderListOptions?>(o => o!.Status == OrderStatus.AwaitingPayment && o.CreatedTo == Now.AddDays(-3)), Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>());
    }

    private static OrderV2 Order(string reference) => new() { Id = $"ord_{reference}", Reference = reference, Status = OrderStatus.AwaitingPayment };

    private static async IAsyncEnumerable<OrderV2> Listed(params OrderV2[] orders)
    {
        foreach (var order in orders)
        {
            yield return order;
        }
        await Task.CompletedTask;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

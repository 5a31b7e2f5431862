using PartnerPlatform.Sdk;
using PartnerPlatform.Sdk.Orders;

namespace Quickstart.Tests;

/// <summary>
/// A partner's own code, as it would sit in their app: the orders still awaiting payment after a few
/// days, to chase. It takes <see cref="IOrderService"/>, so its tests need no platform.
/// </summary>
public sealed class UnpaidOrders(IOrderService orders, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ToChaseAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow() - olderThan;
        var references = new List<string>();
        await foreach (var order in orders.ListAutoPagingAsync(new OrderListOptions { Status = OrderStatus.AwaitingPayment, CreatedTo = before }, cancellationToken: cancellationToken))
        {
            references.Add(order.Reference);
        }
        return references;
    }
}

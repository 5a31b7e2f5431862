using Integration.Core.Common;

namespace Integration.Core.Insights;

/// <summary>
/// What a set of <see cref="SalesMove"/>s adds to the aggregate rows, one row per key, in key order (so that two
/// transactions adding to the same rows lock them in the same order). The incremental path adds the moves of one
/// transaction; the rebuild adds every move of every order.
/// </summary>
public sealed class SalesAggregates
{
    private readonly SortedDictionary<(string, ApiEnvironment, DateOnly, string), SalesDay> _days = [];
    private readonly SortedDictionary<(string, ApiEnvironment, DateOnly, string), SkuSalesDay> _skus = [];
    private readonly SortedDictionary<(string, ApiEnvironment, string, DateOnly), CustomerDay> _customers = [];
    private readonly SortedDictionary<(string, ApiEnvironment, DateOnly), SalesMonth> _months = [];

    public IReadOnlyCollection<SalesDay> Days => _days.Values;
    public IReadOnlyCollection<SkuSalesDay> Skus => _skus.Values;
    public IReadOnlyCollection<CustomerDay> Customers => _customers.Values;
    public IReadOnlyCollection<SalesMonth> Months => _months.Values;
    public bool IsEmpty => _days.Count == 0;

    public static SalesAggregates Of(IEnumerable<SalesMove> moves)
    {
        var aggregates = new SalesAggregates();
        foreach (var move in moves)
        {
            aggregates.Add(move);
        }
        return aggregates;
    }

    public void Add(SalesMove move)
    {
        var (order, day) = (move.Order, move.Day);
        var (partner, environment) = (order.PartnerId, order.Environment);
        var outletId = order.OutletId ?? "";
        if (!_days.TryGetValue((partner, environment, day, outletId), out var sales))
        {
            _days[(partner, environment, day, outletId)] = sales = new SalesDay { PartnerId = partner, Environment = environment, Day = day, OutletId = outletId };
        }
        var monthStart = SalesMonth.MonthOf(day);
        if (!_months.TryGetValue((partner, environment, monthStart), out var month))
        {
            _months[(partner, environment, monthStart)] = month = new SalesMonth { PartnerId = partner, Environment = environment, Month = monthStart };
        }
        foreach (var line in order.Lines)
        {
            if (!_skus.TryGetValue((partner, environment, day, line.Sku), out var sku))
            {
                _skus[(partner, environment, day, line.Sku)] = sku = new SkuSalesDay { PartnerId = partner, Environment = environment, Day = day, Sku = line.Sku };
            }
            if (move.Returned)
            {
                sku.UnitsReturned += line.Quantity;
                sku.Returned += line.LineTotal;
            }
            else
            {
                sku.UnitsDelivered += line.Quantity;
                sku.Delivered += line.LineTotal;
            }
        }
        if (move.Returned)
        {
            sales.Returned += order.Total;
            sales.ReturnedOrders++;
            month.Returned += order.Total;
            month.ReturnedOrders++;
            return;
        }
        sales.Delivered += order.Total;
        sales.DeliveredOrders++;
        month.Delivered += order.Total;
        month.DeliveredOrders++;
        if (order.CustomerId is { } customerId)
        {
            if (!_customers.TryGetValue((partner, environment, customerId, day), out var customer))
            {
                _customers[(partner, environment, customerId, day)] = customer = new CustomerDay { PartnerId = partner, Environment = environment, CustomerId = customerId, Day = day };
            }
            customer.DeliveredOrders++;
        }
    }
}

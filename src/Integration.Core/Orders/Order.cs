using Integration.Core.Common;

namespace Integration.Core.Orders;

/// <summary>A partner's order to the brand, priced when it was placed (domain.md › Orders, › Pricing).</summary>
public sealed class Order : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }

    /// <summary>The partner's own reference, unique per partner and environment.</summary>
    public required string Reference { get; init; }

    public OrderStatus Status { get; private set; }
    public string Currency { get; init; } = Money.DefaultCurrency;

    /// <summary>The discount the partner had when the order was placed.</summary>
    public decimal DiscountRate { get; init; }

    public decimal Total { get; init; }
    public List<OrderLine> Lines { get; init; } = [];
    public ShippingAddress? ShipTo { get; init; }

    /// <summary>The outlet that sold the order, if the partner named one.</summary>
    public string? OutletId { get; init; }

    /// <summary>The partner's customer (internal id); kept when the customer is erased, so purchases still count.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The partner's own id of the customer, as sent; cleared when the customer is erased.</summary>
    public string? CustomerExternalId { get; init; }

    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? ShippedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }

    /// <summary>Increments on every change; the order's ETag.</summary>
    public int Version { get; private set; } = 1;

    public static Order Place(
        string id, string partnerId, ApiEnvironment environment, string reference, bool prepay,
        decimal discountRate, IReadOnlyList<OrderLine> lines, ShippingAddress? shipTo, DateTimeOffset now,
        OrderSoldBy? soldBy = null) => new()
        {
            OutletId = soldBy?.OutletId,
            CustomerId = soldBy?.CustomerId,
            CustomerExternalId = soldBy?.CustomerExternalId,
            Id = id,
            PartnerId = partnerId,
            Environment = environment,
            Reference = reference,
            Status = prepay ? OrderStatus.AwaitingPayment : OrderStatus.Pending,
            DiscountRate = discountRate,
            Lines = [.. lines],
            Total = lines.Sum(l => l.LineTotal),
            ShipTo = shipTo,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>Moves the order along the state machine; any other move is a 409 <c>invalid_transition</c>.</summary>
    public OrderStatus MoveTo(OrderStatus target, DateTimeOffset now)
    {
        if (!OrderStateMachine.CanMove(Status, target))
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition",
                $"An order in '{SnakeCase.Of(Status)}' cannot become '{SnakeCase.Of(target)}'.");
        }
        if (target == OrderStatus.Returned && now - DeliveredAt > OrderStateMachine.ReturnWindow)
        {
            throw new DomainException(ErrorKind.Conflict, "return_window_closed",
                $"Orders can be returned within {OrderStateMachine.ReturnWindow.TotalDays:0} days of delivery; this one was delivered on {DeliveredAt:yyyy-MM-dd}.");
        }
        var from = Status;
        Status = target;
        switch (target)
        {
            case OrderStatus.Confirmed:
                ConfirmedAt = now;
                if (from == OrderStatus.AwaitingPayment)
                {
                    PaidAt = now;
                }
                break;
            case OrderStatus.Shipped: ShippedAt = now; break;
            case OrderStatus.Delivered: DeliveredAt = now; break;
            case OrderStatus.Cancelled: CancelledAt = now; break;
            case OrderStatus.Returned: ReturnedAt = now; break;
        }
        UpdatedAt = now;
        Version++;
        return from;
    }

    public void RecordShipment(string carrier, string trackingNumber)
    {
        Carrier = carrier;
        TrackingNumber = trackingNumber;
    }
}

/// <summary>One line of an order, with the prices fixed when the order was placed.</summary>
public sealed class OrderLine
{
    public int LineNumber { get; init; }
    public required string Sku { get; init; }
    public required string Name { get; init; }
    public int Quantity { get; init; }
    public decimal ListPrice { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal LineTotal { get; init; }

    public decimal Discount => Pricing.LineDiscount(ListPrice, UnitPrice, Quantity);

    public static OrderLine Price(int lineNumber, string sku, string name, int quantity, decimal listPrice, decimal discountRate)
    {
        var unit = Pricing.UnitNetPrice(listPrice, discountRate);
        return new OrderLine
        {
            LineNumber = lineNumber, Sku = sku, Name = name, Quantity = quantity, ListPrice = listPrice,
            UnitPrice = unit, LineTotal = Pricing.LineTotal(unit, quantity),
        };
    }
}

/// <summary>Where an order ships.</summary>
public sealed class ShippingAddress
{
    public required string Name { get; init; }
    public required string Line1 { get; init; }
    public string? Line2 { get; init; }
    public required string City { get; init; }
    public string? RegionCode { get; init; }
    public string? PostalCode { get; init; }
    public required string Country { get; init; }
    public string? Phone { get; init; }
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Integration.Application.Hosting;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Orders;

namespace Integration.Application.Orders;

/// <summary>A new order: your reference, the lines, and where to ship.</summary>
public sealed record CreateOrderRequest
{
    /// <summary>Your own reference for the order (e.g. your PO number); unique per partner and environment.</summary>
    [StringLength(ContractLimits.Reference, MinimumLength = 1)]
    [RegularExpression(@"^[\x21-\x7E]+( [\x21-\x7E]+)*$", ErrorMessage = "reference is printable ASCII without leading, trailing or double spaces.")]
    public required string Reference { get; init; }

    /// <summary>1 to 500 lines, each SKU at most once.</summary>
    [MinLength(1, ErrorMessage = "An order needs at least one line.")]
    [MaxLength(ContractLimits.OrderLines, ErrorMessage = "An order has at most 500 lines.")]
    public required IReadOnlyList<OrderLineRequest> Lines { get; init; }

    public ShipToRequest? ShipTo { get; init; }

    /// <summary>The outlet that sold the order (<c>out_…</c>); it must be yours and open today.</summary>
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public string? OutletId { get; init; }

    /// <summary>Your own id of the customer who bought, as synced with <c>PUT /v1/customers/{externalId}</c>.</summary>
    [StringLength(ContractLimits.CustomerExternalId, MinimumLength = 1)]
    [RegularExpression(ContractPatterns.CustomerExternalId, ErrorMessage = "customerExternalId is 1 to 64 printable ASCII characters without spaces.")]
    public string? CustomerExternalId { get; init; }
}

/// <summary>One line of a new order: a SKU and how many.</summary>
public sealed record OrderLineRequest
{
    [RegularExpression(SkuFormat.Pattern, ErrorMessage = SkuFormat.Message)]
    public required string Sku { get; init; }

    /// <summary>Whole units, 1 to 100,000.</summary>
    [Range(1, ContractLimits.Quantity)]
    public required int Quantity { get; init; }
}

/// <summary>Where to ship an order.</summary>
public sealed record ShipToRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string Name { get; init; }

    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string Line1 { get; init; }

    [StringLength(ContractLimits.Name)]
    public string? Line2 { get; init; }

    [StringLength(ContractLimits.City, MinimumLength = 1)]
    public required string City { get; init; }

    [RegularExpression(Core.Partners.RegionCode.Pattern, ErrorMessage = "regionCode must look like CN, CN-SH or CN-SH-PD.")]
    public string? RegionCode { get; init; }

    [StringLength(ContractLimits.PostalCode)]
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2, e.g. CN.</summary>
    [RegularExpression(ContractPatterns.CountryCode, ErrorMessage = "country is an ISO 3166-1 alpha-2 code such as CN.")]
    public required string Country { get; init; }

    [StringLength(ContractLimits.Phone)]
    public string? Phone { get; init; }

    public ShippingAddress ToAddress() => new()
    {
        Name = Name, Line1 = Line1, Line2 = Line2, City = City, RegionCode = RegionCode, PostalCode = PostalCode, Country = Country, Phone = Phone,
    };
}

/// <summary>Filters of the order list; all optional and combined with AND.</summary>
public sealed record OrderFilter
{
    public OrderStatus? Status { get; init; }

    /// <summary>Created at or after this instant.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before this instant.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Changed at or after this instant (to sync changes since your last poll).</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    [Identifier]
    [StringLength(ContractLimits.Reference)]
    public string? Reference { get; init; }
}

public sealed record ShipOrderRequest
{
    [Identifier]
    [StringLength(ContractLimits.Carrier, MinimumLength = 1)]
    public required string Carrier { get; init; }

    [Identifier]
    [StringLength(ContractLimits.TrackingNumber, MinimumLength = 1)]
    public required string TrackingNumber { get; init; }
}

public sealed record RecordPrepaymentRequest
{
    /// <summary>The amount received; it must equal the order total.</summary>
    [Range(typeof(decimal), "0.01", "1000000000000")]
    public required decimal Amount { get; init; }
}

/// <summary>An order as v1 shows it: money as numbers with two decimals.</summary>
public sealed record OrderV1(
    string Id, string Reference, OrderStatus Status, string Currency,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal Total,
    decimal DiscountRate, [property: MaxLength(ContractLimits.OrderLines)] IReadOnlyList<OrderLineV1> Lines, ShippingAddress? ShipTo, string? Carrier, string? TrackingNumber,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? PaidAt, DateTimeOffset? ShippedAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? CancelledAt, DateTimeOffset? ReturnedAt,
    [property: StringLength(ContractLimits.Id)] string? OutletId,
    [property: StringLength(ContractLimits.CustomerExternalId)] string? CustomerExternalId)
{
    public static OrderV1 From(Order o) => new(
        o.Id, o.Reference, o.Status, o.Currency, o.Total, o.DiscountRate,
        o.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineV1(l.LineNumber, l.Sku, l.Name, l.Quantity, l.ListPrice, l.UnitPrice, l.LineTotal)).ToList(),
        o.ShipTo, o.Carrier, o.TrackingNumber, o.CreatedAt, o.UpdatedAt, o.ConfirmedAt, o.PaidAt, o.ShippedAt, o.DeliveredAt, o.CancelledAt, o.ReturnedAt,
        o.OutletId, o.CustomerExternalId);
}

public sealed record OrderLineV1(
    [property: Range(1, ContractLimits.OrderLines)] int LineNumber, [property: RegularExpression(SkuFormat.Pattern)] string Sku,
    [property: StringLength(ContractLimits.Name)] string Name, [property: Range(1, ContractLimits.Quantity)] int Quantity,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal ListPrice,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal UnitPrice,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal LineTotal);

/// <summary>
/// An order, v2: money as <c>{ amount, currency }</c> strings. <c>version</c> grows by one with every
/// change; the order's ETag is <c>"v{version}"</c>, which cancelling needs in If-Match.
/// </summary>
public sealed record OrderV2(
    string Id, int Version, string Reference, OrderStatus Status, MoneyAmount Total, string DiscountRate,
    [property: MaxLength(ContractLimits.OrderLines)] IReadOnlyList<OrderLineV2> Lines, ShippingAddress? ShipTo, string? Carrier, string? TrackingNumber,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? PaidAt, DateTimeOffset? ShippedAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? CancelledAt, DateTimeOffset? ReturnedAt,
    [property: StringLength(ContractLimits.Id)] string? OutletId,
    [property: StringLength(ContractLimits.CustomerExternalId)] string? CustomerExternalId)
{
    public static OrderV2 From(Order o) => new(
        o.Id, o.Version, o.Reference, o.Status, MoneyAmount.Of(o.Total, o.Currency), Rates.Format(o.DiscountRate),
        o.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineV2(
            l.LineNumber, l.Sku, l.Name, l.Quantity, MoneyAmount.Of(l.ListPrice, o.Currency), MoneyAmount.Of(l.UnitPrice, o.Currency),
            new LineDiscountV2(Rates.Format(o.DiscountRate), MoneyAmount.Of(l.Discount, o.Currency)), MoneyAmount.Of(l.LineTotal, o.Currency))).ToList(),
        o.ShipTo, o.Carrier, o.TrackingNumber, o.CreatedAt, o.UpdatedAt, o.ConfirmedAt, o.PaidAt, o.ShippedAt, o.DeliveredAt, o.CancelledAt, o.ReturnedAt,
        o.OutletId, o.CustomerExternalId);
}

/// <summary>One priced line of an order.</summary>
public sealed record OrderLineV2(
    [property: Range(1, ContractLimits.OrderLines)] int LineNumber, [property: RegularExpression(SkuFormat.Pattern)] string Sku,
    [property: StringLength(ContractLimits.Name)] string Name, [property: Range(1, ContractLimits.Quantity)] int Quantity, MoneyAmount ListPrice, MoneyAmount UnitPrice, LineDiscountV2 Discount, MoneyAmount LineTotal);

/// <summary>What the discount took off the line: the rate and the amount at list price.</summary>
public sealed record LineDiscountV2(string Rate, MoneyAmount Amount);

/// <summary>One change of an order. <c>actor</c> is <c>partner:&lt;client id&gt;</c>, <c>brand</c> or <c>system</c>.</summary>
public sealed record OrderEventResponse(string Id, string OrderId, string Type, OrderStatus? From, OrderStatus To, string Actor, DateTimeOffset OccurredAt)
{
    public static OrderEventResponse Of(OrderEvent e) => new(e.Id, e.OrderId, e.Type, e.FromStatus, e.ToStatus, e.Actor, e.OccurredAt);
}

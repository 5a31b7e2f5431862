namespace PartnerPlatform.Sdk.Orders;

/// <summary>Your orders: <c>client.Orders</c>.</summary>
public interface IOrderService
{
    /// <summary>Places an order; it is priced with your discount. Safe to retry: the SDK sends an Idempotency-Key.</summary>
    /// <param name="request">Your reference and the lines.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2> CreateAsync(CreateOrderRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one of your orders.</summary>
    /// <param name="id">The order id (<c>ord_…</c>).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>One page of your orders, newest first.</summary>
    /// <param name="options">Filters and paging.</param>
    /// <param name="requestOptions">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2Page> ListAsync(OrderListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Every order matching the filters, newest first, fetching pages as you iterate.</summary>
    /// <param name="options">Filters; <c>Limit</c> sets the page size.</param>
    /// <param name="requestOptions">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<OrderV2> ListAutoPagingAsync(OrderListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a pending, awaiting-payment or confirmed order. With <paramref name="expectedVersion"/>
    /// the cancel applies only if the order is still at that version (409/412 otherwise); without it
    /// the SDK reads the order first and cancels the version it read.
    /// </summary>
    /// <param name="id">The order id.</param>
    /// <param name="expectedVersion">The <c>version</c> of the order as you last read it.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2> CancelAsync(string id, int? expectedVersion = null, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every change of an order (who, when, from which status to which), oldest first.</summary>
    /// <param name="id">The order id.</param>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<OrderEventResponse> ListEventsAutoPagingAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);
}

namespace PartnerPlatform.Sdk;

/// <summary>Your orders: <c>client.Orders</c>.</summary>
public sealed class OrderService
{
    private readonly OrdersClient _api;

    internal OrderService(HttpClient http) => _api = new OrdersClient(http) { ReadResponseAsString = true };

    /// <summary>Places an order; it is priced with your discount. Safe to retry: the SDK sends an Idempotency-Key.</summary>
    /// <param name="request">Your reference and the lines.</param>
    /// <param name="options">Your own Idempotency-Key, if you keep one.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<OrderV2> CreateAsync(CreateOrderRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.CreateOrderAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <summary>Reads one of your orders.</summary>
    /// <param name="id">The order id (<c>ord_…</c>).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<OrderV2> GetAsync(string id, CancellationToken cancellationToken = default) => _api.GetOrderAsync(id, cancellationToken);

    /// <summary>One page of your orders, newest first.</summary>
    /// <param name="options">Filters and paging.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<OrderV2Page> ListAsync(OrderListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new OrderListOptions();
        return _api.ListOrdersAsync(o.Status, o.CreatedFrom, o.CreatedTo, o.UpdatedSince, o.Reference, o.Limit, o.Cursor, cancellationToken);
    }

    /// <summary>Every order matching the filters, newest first, fetching pages as you iterate.</summary>
    /// <param name="options">Filters; <c>Limit</c> sets the page size.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<OrderV2> ListAutoPagingAsync(OrderListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new OrderListOptions();
        return AutoPaging.ListAsync<OrderV2>(async (cursor, ct) =>
        {
            var page = await _api.ListOrdersAsync(o.Status, o.CreatedFrom, o.CreatedTo, o.UpdatedSince, o.Reference, o.Limit, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, o.Cursor, cancellationToken);
    }

    /// <summary>
    /// Cancels a pending, awaiting-payment or confirmed order. With <paramref name="expectedVersion"/>
    /// the cancel applies only if the order is still at that version (409/412 otherwise); without it
    /// the SDK reads the order first and cancels the version it read.
    /// </summary>
    /// <param name="id">The order id.</param>
    /// <param name="expectedVersion">The <c>version</c> of the order as you last read it.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<OrderV2> CancelAsync(string id, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var version = expectedVersion ?? (await GetAsync(id, cancellationToken).ConfigureAwait(false)).Version;
        return await _api.CancelOrderAsync(id, $"\"v{version}\"", Guid.NewGuid().ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every change of an order (who, when, from which status to which), oldest first.</summary>
    /// <param name="id">The order id.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<OrderEventResponse> ListEventsAutoPagingAsync(string id, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<OrderEventResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListOrderEventsAsync(id, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);
}

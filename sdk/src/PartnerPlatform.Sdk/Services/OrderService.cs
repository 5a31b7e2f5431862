namespace PartnerPlatform.Sdk;

/// <inheritdoc cref="IOrderService" />
public sealed class OrderService : IOrderService
{
    private readonly OrdersClient _api;

    internal OrderService(HttpClient http) => _api = new OrdersClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<OrderV2> CreateAsync(CreateOrderRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.CreateOrderAsync((options ?? new RequestOptions()).KeyOrNew(), request, cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> GetAsync(string id, CancellationToken cancellationToken = default) => _api.GetOrderAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2Page> ListAsync(OrderListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new OrderListOptions();
        return _api.ListOrdersAsync(o.Status, o.CreatedFrom, o.CreatedTo, o.UpdatedSince, o.Reference, o.Limit, o.Cursor, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<OrderV2> ListAutoPagingAsync(OrderListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new OrderListOptions();
        return AutoPaging.ListAsync<OrderV2>(async (cursor, ct) =>
        {
            var page = await _api.ListOrdersAsync(o.Status, o.CreatedFrom, o.CreatedTo, o.UpdatedSince, o.Reference, o.Limit, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, o.Cursor, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<OrderV2> CancelAsync(string id, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var version = expectedVersion ?? (await GetAsync(id, cancellationToken).ConfigureAwait(false)).Version;
        return await _api.CancelOrderAsync(id, $"\"v{version}\"", Guid.NewGuid().ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<OrderEventResponse> ListEventsAutoPagingAsync(string id, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<OrderEventResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListOrderEventsAsync(id, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);
}

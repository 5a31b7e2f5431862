using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Orders;

/// <inheritdoc cref="IOrderService" />
public sealed class OrderService : IOrderService
{
    private readonly OrdersClient _api;

    internal OrderService(HttpClient http) => _api = new OrdersClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<OrderV2> CreateAsync(CreateOrderRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.CreateOrderAsync(RequestOptions.KeyOrNew(options), request, ct), cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.GetOrderAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2Page> ListAsync(OrderListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new OrderListOptions();
        return Call.SendAsync(requestOptions, ct => _api.ListOrdersAsync(o.Status, o.CreatedFrom, o.CreatedTo, o.UpdatedSince, o.Reference, o.Limit, o.Cursor, ct), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<OrderV2> ListAutoPagingAsync(OrderListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new OrderListOptions();
        return AutoPaging.ListAsync<OrderV2>(async (cursor, ct) =>
        {
            var page = await _api.ListOrdersAsync(o.Status, o.CreatedFrom, o.CreatedTo, o.UpdatedSince, o.Reference, o.Limit, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, o.Cursor, requestOptions, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<OrderV2> CancelAsync(string id, int? expectedVersion = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var version = expectedVersion ?? (await GetAsync(id, options, cancellationToken).ConfigureAwait(false)).Version;
        return await Call.SendAsync(options, ct => _api.CancelOrderAsync(id, $"\"v{version}\"", RequestOptions.KeyOrNew(options), ct), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<OrderEventResponse> ListEventsAutoPagingAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<OrderEventResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListOrderEventsAsync(id, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, options, cancellationToken);
}

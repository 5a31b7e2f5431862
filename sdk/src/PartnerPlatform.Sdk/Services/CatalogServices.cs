namespace PartnerPlatform.Sdk;

/// <summary>The brand's products: <c>client.Products</c>.</summary>
public sealed class ProductService
{
    private readonly ProductsClient _api;

    internal ProductService(HttpClient http) => _api = new ProductsClient(http) { ReadResponseAsString = true };

    /// <summary>Reads a product by SKU.</summary>
    /// <param name="sku">The SKU (upper case).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<ProductV2> GetAsync(string sku, CancellationToken cancellationToken = default) => _api.GetProductAsync(sku, cancellationToken);

    /// <summary>One page of products.</summary>
    /// <param name="options">Paging.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<ProductV2Page> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.ListProductsAsync(options?.Limit, options?.Cursor, cancellationToken);

    /// <summary>Every product, fetching pages as you iterate.</summary>
    /// <param name="options">Paging; <c>Limit</c> sets the page size.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<ProductV2> ListAutoPagingAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<ProductV2>(async (cursor, ct) =>
        {
            var page = await _api.ListProductsAsync(options?.Limit, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, options?.Cursor, cancellationToken);
}

/// <summary>Your partner account: <c>client.Partner</c>.</summary>
public sealed class PartnerService
{
    private readonly PartnersClient _api;

    internal PartnerService(HttpClient http) => _api = new PartnersClient(http) { ReadResponseAsString = true };

    /// <summary>Your profile as the platform sees it: tier, discount, status, environment.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<PartnerProfileV2> GetAsync(CancellationToken cancellationToken = default) => _api.GetMyPartnerAsync(cancellationToken);
}

/// <summary>Your event log: <c>client.Events</c>.</summary>
public sealed class EventService
{
    private readonly EventsClient _api;

    internal EventService(HttpClient http) => _api = new EventsClient(http) { ReadResponseAsString = true };

    /// <summary>One page of your events, oldest first.</summary>
    /// <param name="types">Only these event types (e.g. <c>order.created</c>); all when empty.</param>
    /// <param name="options">Paging.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<EventResponsePage> ListAsync(IEnumerable<string>? types = null, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _api.ListEventsAsync(options?.Limit, options?.Cursor, types?.ToList(), cancellationToken);

    /// <summary>
    /// Every event after <c>options.Cursor</c> (or from the start), in sequence order. Keep the last
    /// page's cursor (or the last <c>sequence</c>) to resume later.
    /// </summary>
    /// <param name="types">Only these event types; all when empty.</param>
    /// <param name="options">Where to start, and the page size.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<EventResponse> ListAutoPagingAsync(IEnumerable<string>? types = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var typeList = types?.ToList();
        return AutoPaging.ListAsync<EventResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListEventsAsync(options?.Limit, cursor, typeList, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, options?.Cursor, cancellationToken);
    }
}

using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk;

/// <inheritdoc cref="IProductService" />
public sealed class ProductService : IProductService
{
    private readonly ProductsClient _api;

    internal ProductService(HttpClient http) => _api = new ProductsClient(http) { ReadResponseAsString = true };

    /// <inheritdoc />
    public Task<ProductV2> GetAsync(string sku, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.GetProductAsync(sku, ct), cancellationToken);

    /// <inheritdoc />
    public Task<ProductV2Page> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(requestOptions, ct => _api.ListProductsAsync(options?.Limit, options?.Cursor, ct), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ProductV2> ListAutoPagingAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<ProductV2>(async (cursor, ct) =>
        {
            var page = await _api.ListProductsAsync(options?.Limit, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, options?.Cursor, requestOptions, cancellationToken);
}

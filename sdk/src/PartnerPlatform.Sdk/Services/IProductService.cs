namespace PartnerPlatform.Sdk;

/// <summary>The brand's products: <c>client.Products</c>.</summary>
public interface IProductService
{
    /// <summary>Reads a product by SKU.</summary>
    /// <param name="sku">The SKU (upper case).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<ProductV2> GetAsync(string sku, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>One page of products.</summary>
    /// <param name="options">Paging.</param>
    /// <param name="requestOptions">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<ProductV2Page> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Every product, fetching pages as you iterate.</summary>
    /// <param name="options">Paging; <c>Limit</c> sets the page size.</param>
    /// <param name="requestOptions">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<ProductV2> ListAutoPagingAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

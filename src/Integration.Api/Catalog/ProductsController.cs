using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Catalog;

/// <summary>The catalogue partners order from (v1: money as numbers).</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[PartnerAccess]
[Route("v{version:apiVersion}/products")]
[Tags("Products")]
public sealed class ProductsV1Controller(ProductCatalog catalog) : ControllerBase
{
    /// <summary>Lists the active products in SKU order.</summary>
    [HttpGet(Name = "ListProducts")]
    public async Task<Page<ProductV1>> List([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await catalog.ListAsync(page, activeOnly: true, cancellationToken)).ToPage(page, HttpContext, ProductCatalog.CursorOf, ProductV1.From);

    /// <summary>Reads one product, active or not.</summary>
    [HttpGet("{sku}", Name = "GetProduct")]
    public async Task<ProductV1> Get(string sku, CancellationToken cancellationToken) => ProductV1.From(await catalog.GetAsync(sku, cancellationToken));
}

/// <summary>The catalogue partners order from (v2: money as decimal strings with currency).</summary>
[ApiController]
[ApiVersion(2)]
[PartnerAccess]
[Route("v{version:apiVersion}/products")]
[Tags("Products")]
public sealed class ProductsV2Controller(ProductCatalog catalog) : ControllerBase
{
    /// <summary>Lists the active products in SKU order.</summary>
    [HttpGet(Name = "ListProductsV2")]
    public async Task<Page<ProductV2>> List([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await catalog.ListAsync(page, activeOnly: true, cancellationToken)).ToPage(page, HttpContext, ProductCatalog.CursorOf, ProductV2.From);

    /// <summary>Reads one product, active or not.</summary>
    [HttpGet("{sku}", Name = "GetProductV2")]
    public async Task<ProductV2> Get(string sku, CancellationToken cancellationToken) => ProductV2.From(await catalog.GetAsync(sku, cancellationToken));
}

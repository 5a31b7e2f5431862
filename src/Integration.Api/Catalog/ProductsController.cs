using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Catalog;

namespace Integration.Api.Catalog;

/// <summary>The catalogue partners order from: v1 gives money as numbers, v2 as decimal strings with currency.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[PartnerAccess]
[Route("v{version:apiVersion}/products")]
[Tags("Products")]
public sealed class ProductsController(ProductCatalog catalog) : ControllerBase
{
    /// <summary>Lists the active products in SKU order.</summary>
    [HttpGet(Name = "ListProducts")]
    [MapToApiVersion(1)]
    public async Task<Page<ProductV1>> List([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await catalog.ListAsync(page, activeOnly: true, cancellationToken)).ToPage(page, HttpContext, ProductCatalog.CursorOf, ProductV1.From);

    /// <summary>Lists the active products in SKU order.</summary>
    [HttpGet(Name = "ListProductsV2")]
    [MapToApiVersion(2)]
    public async Task<Page<ProductV2>> ListV2([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await catalog.ListAsync(page, activeOnly: true, cancellationToken)).ToPage(page, HttpContext, ProductCatalog.CursorOf, ProductV2.From);

    /// <summary>Reads one product, active or not.</summary>
    [HttpGet("{sku}", Name = "GetProduct")]
    [MapToApiVersion(1)]
    public async Task<ProductV1> Get(string sku, CancellationToken cancellationToken) => ProductV1.From(await catalog.GetAsync(sku, cancellationToken));

    /// <summary>Reads one product, active or not.</summary>
    [HttpGet("{sku}", Name = "GetProductV2")]
    [MapToApiVersion(2)]
    public async Task<ProductV2> GetV2(string sku, CancellationToken cancellationToken) => ProductV2.From(await catalog.GetAsync(sku, cancellationToken));
}

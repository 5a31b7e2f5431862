using Integration.Core.Credentials;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Hosting;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Integration.Application.Catalog;

namespace Integration.Api.Catalog;

/// <summary>The brand's catalogue, for internal teams.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/products")]
public sealed class AdminProductsController(IntegrationDbContext db, ProductCatalog catalog) : ControllerBase
{
    /// <summary>Adds a product. Prices have at most two decimals.</summary>
    [HttpPost(Name = "CreateProduct")]
    [AdminAccess(AdminPermission.CatalogWrite)]
    [ProblemResponses(409)]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreateProductRequest request, CancellationToken cancellationToken)
    {
        var product = await catalog.CreateAsync(request, HttpContext.GetCaller()!.ClientId, cancellationToken);
        ETags.Set(HttpContext, product.Version);
        return CreatedAtRoute("GetProductAdmin", new { sku = product.Sku, version = "1" }, ProductResponse.From(product));
    }

    /// <summary>Lists every product, active or not, in SKU order.</summary>
    [HttpGet(Name = "ListProductsAdmin")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<Page<ProductResponse>> List([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await catalog.ListAsync(page, activeOnly: false, cancellationToken)).ToPage(page, HttpContext, ProductCatalog.CursorOf, ProductResponse.From);

    /// <summary>Reads one product.</summary>
    [HttpGet("{sku}", Name = "GetProductAdmin")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<ProductResponse> Get(string sku, CancellationToken cancellationToken)
    {
        var product = await catalog.GetAsync(sku, cancellationToken);
        ETags.Set(HttpContext, product.Version);
        return ProductResponse.From(product);
    }

    /// <summary>Renames, reprices, activates or deactivates a product. Orders already placed keep their prices.</summary>
    [HttpPatch("{sku}", Name = "UpdateProduct")]
    [AdminAccess(AdminPermission.CatalogWrite)]
    [ProblemResponses(412)]
    public async Task<ProductResponse> Update(string sku, UpdateProductRequest request, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Sku == sku, cancellationToken) ?? throw DomainException.NotFound("product", sku);
        ETags.CheckIfMatch(HttpContext, product.Version, required: false);
        product = await catalog.UpdateAsync(product, request, HttpContext.GetCaller()!.ClientId, cancellationToken);
        ETags.Set(HttpContext, product.Version);
        return ProductResponse.From(product);
    }
}

using Integration.Core.Credentials;
using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Core.Common;
using Integration.Core.Inventory;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Integration.Application.Inventory;

namespace Integration.Api.Inventory;

/// <summary>The brand's own stock per SKU and environment, which confirmed orders reserve.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/brand-stock/{environment}/{sku}")]
public sealed class AdminBrandStockController(IntegrationDbContext db, BrandStockLedger ledger) : ControllerBase
{
    /// <summary>Reads the brand's stock of a SKU: on hand, reserved by confirmed orders, available.</summary>
    [HttpGet(Name = "GetBrandStock")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<BrandStockResponse> Get(ApiEnvironment environment, string sku, CancellationToken cancellationToken)
    {
        var stock = await db.BrandStock.AsNoTracking().FirstOrDefaultAsync(s => s.Sku == sku && s.Environment == environment && s.Pool == BrandStock.SharedPool, cancellationToken)
            ?? throw DomainException.NotFound("brand stock for SKU", sku);
        return BrandStockResponse.From(stock);
    }

    /// <summary>Sets the on-hand count after a stock take or a receipt. It cannot go below what is reserved.</summary>
    [HttpPut(Name = "SetBrandStock")]
    [AdminAccess(AdminPermission.CatalogWrite)]
    public async Task<BrandStockResponse> Set(ApiEnvironment environment, string sku, SetBrandStockRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Products.AnyAsync(p => p.Sku == sku, cancellationToken))
        {
            throw DomainException.NotFound("product", sku);
        }
        return BrandStockResponse.From(await ledger.SetOnHandAsync(environment, sku, request.OnHand, HttpContext.GetCaller()!.ClientId, cancellationToken));
    }
}

public sealed record SetBrandStockRequest
{
    [Range(0, 100_000_000)]
    public required int OnHand { get; init; }
}

public sealed record BrandStockResponse(string Sku, ApiEnvironment Environment, int OnHand, int Reserved, int Available, DateTimeOffset UpdatedAt)
{
    public static BrandStockResponse From(BrandStock s) => new(s.Sku, s.Environment, s.OnHand, s.Reserved, s.Available, s.UpdatedAt);
}

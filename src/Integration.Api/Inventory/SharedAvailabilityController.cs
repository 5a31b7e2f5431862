using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Core.Catalog;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Inventory;

/// <summary>What is available to order or transfer, for a SKU, in your environment.</summary>
/// <param name="Sku">The SKU asked for.</param>
/// <param name="Brand">The brand's own available stock (on hand minus reserved by confirmed orders).</param>
/// <param name="Locations">Other partners' locations sharing this SKU with you; empty until partner inventory sharing is live.</param>
public sealed record SharedAvailabilityResponse(string Sku, BrandAvailability Brand, IReadOnlyList<SharedLocationAvailability> Locations);

/// <param name="Available">Units the brand can still reserve for orders.</param>
public sealed record BrandAvailability(int Available);

/// <param name="LocationId">The sharing partner's location.</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="Available">Units it shares.</param>
public sealed record SharedLocationAvailability(string LocationId, string RegionCode, int Available);

/// <summary>Shared availability: the brand's stock now; other partners' shared stock arrives with inventory sharing.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/inventory")]
[Tags("Inventory")]
public sealed class SharedAvailabilityController(IntegrationDbContext db) : ControllerBase
{
    /// <summary>Available units of a SKU in your environment: the brand's, and (once sharing is live) partners' who share with you.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpGet("shared", Name = "GetSharedAvailability")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public async Task<SharedAvailabilityResponse> Get(
        [FromQuery, Required, RegularExpression(SkuFormat.Pattern, ErrorMessage = "sku must be 1–40 upper-case letters, digits, '.', '_' or '-'.")] string sku,
        CancellationToken cancellationToken)
    {
        var environment = HttpContext.RequirePartnerCaller().Environment!.Value;
        var available = await db.BrandStock.Where(s => s.Sku == sku && s.Environment == environment)
            .Select(s => (int?)(s.OnHand - s.Reserved)).FirstOrDefaultAsync(cancellationToken) ?? 0;
        return new SharedAvailabilityResponse(sku, new BrandAvailability(available), []);
    }
}

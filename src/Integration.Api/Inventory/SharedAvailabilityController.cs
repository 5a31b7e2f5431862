using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Core.Catalog;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Inventory;

/// <summary>What is available to order or transfer, for a SKU, in your environment.</summary>
/// <param name="Sku">The SKU asked for.</param>
/// <param name="Brand">The brand's own available stock (on hand minus reserved by confirmed orders).</param>
/// <param name="Locations">Other partners' locations that share this SKU with you and have some available, most first.</param>
public sealed record SharedAvailabilityResponse(string Sku, BrandAvailability Brand, IReadOnlyList<SharedLocationAvailability> Locations);

/// <summary>The brand's own stock of a SKU in your environment.</summary>
/// <param name="Available">Units the brand can still reserve for orders.</param>
public sealed record BrandAvailability(int Available);

/// <summary>Another partner's location sharing a SKU with you: only where, and how many.</summary>
/// <param name="LocationId">The sharing partner's location.</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="Available">Units it shares.</param>
public sealed record SharedLocationAvailability(string LocationId, string RegionCode, int Available);

/// <summary>Shared availability: the brand's stock, and other partners' stock they share with you.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/inventory")]
[Tags("Inventory")]
public sealed class SharedAvailabilityController(SharedStock stock) : ControllerBase
{
    /// <summary>
    /// Available units of a SKU in your environment: the brand's, and those at other partners'
    /// locations shared with you (by region, with all partners, or with you by name). Only the
    /// location, its region and the quantity are shown — nothing else about the other partner.
    /// </summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="region">Only locations in this region (or below it), e.g. <c>CN-SH</c>.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpGet("shared", Name = "GetSharedAvailability")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public Task<SharedAvailabilityResponse> Get(
        [FromQuery, Required, RegularExpression(SkuFormat.Pattern, ErrorMessage = SkuFormat.Message)] string sku,
        [FromQuery, RegularExpression(RegionCode.Pattern, ErrorMessage = "region is a region code such as CN, CN-SH or CN-SH-PD.")] string? region,
        CancellationToken cancellationToken) =>
        stock.SharedAvailabilityAsync(HttpContext.RequirePartnerCaller(), sku, region, cancellationToken);
}

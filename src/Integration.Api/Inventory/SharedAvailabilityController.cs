using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Core.Catalog;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Inventory;

namespace Integration.Api.Inventory;

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

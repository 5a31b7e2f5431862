using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Application.Insights;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Insights;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Insights;

/// <summary>Internal teams: brand-wide insights across partners, and the rebuild of the sales aggregates.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/insights")]
public sealed class AdminInsightsController(BrandInsights brand, SalesAggregateRebuild rebuild) : ControllerBase
{
    /// <summary>
    /// Net sales and orders of a month, quarter or year across every partner of an environment (live unless said),
    /// by tier, credit rating, region and cooperation mode, and the partners ranked by net sales (the first 20 unless said).
    /// </summary>
    [HttpGet(Name = "GetBrandInsights")]
    [AdminAccess(AdminPermission.Read)]
    public Task<BrandInsightsResponse> Get(
        [FromQuery, Required, StringLength(ContractLimits.Period), RegularExpression(KpiPeriod.Pattern, ErrorMessage = KpiPeriodText.Message)] string period,
        [FromQuery] ApiEnvironment? environment, [FromQuery, Range(1, BrandInsights.MaxRanked)] int? ranked, CancellationToken cancellationToken) =>
        brand.ForPeriodAsync(environment ?? ApiEnvironment.Live, KpiPeriodText.Parse(period, "period"), ranked ?? 20, cancellationToken);

    /// <summary>
    /// Rebuilds the sales aggregates the KPIs are read from, from the orders themselves: one partner's, or every
    /// partner's when none is named. Run once after upgrading to a version with insights; deliveries wait meanwhile.
    /// </summary>
    [HttpPost("rebuild", Name = "RebuildInsights")]
    [AdminAccess(AdminPermission.InsightsRebuild)]
    public async Task<RebuildInsightsResponse> Rebuild([FromQuery, StringLength(ContractLimits.Id)] string? partnerId, CancellationToken cancellationToken) =>
        new(partnerId, await rebuild.RebuildAsync(partnerId, cancellationToken));
}

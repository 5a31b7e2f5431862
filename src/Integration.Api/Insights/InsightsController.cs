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

/// <summary>
/// Your KPIs (docs/insights.md): net sales (equal to your statement's), growth, orders, average order value, customers,
/// conversion, outlets and regions, events and their ROI, top SKUs and regions — for a month (<c>2026-03</c>), a quarter
/// (<c>2026-Q1</c>) or a year (<c>2026</c>), the current one so far. v1 gives money and ratios as numbers; v2 money as
/// <c>{ amount, currency }</c> and ratios as decimal strings. In the sandbox, periods follow your sandbox clock.
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/insights")]
[Tags("Insights")]
[PartnerAccess(ApiScopes.InsightsRead)]
public sealed class InsightsController(KpiReader reader, KpiSeries series, BusinessClock clock) : ControllerBase
{
    /// <summary>Your KPIs for one period. A period that has not started is 422 <c>period_in_future</c>.</summary>
    [HttpGet("kpis", Name = "GetKpis")]
    [MapToApiVersion(1)]
    [ProblemResponses(422)]
    public async Task<PartnerKpisV1> Kpis(
        [FromQuery, Required, StringLength(ContractLimits.Period), RegularExpression(KpiPeriod.Pattern, ErrorMessage = KpiPeriodText.Message)] string period,
        CancellationToken cancellationToken) =>
        PartnerKpisV1.Of(await ReadAsync(period, cancellationToken), clock.GetUtcNow());

    /// <summary>Your KPIs for one period. A period that has not started is 422 <c>period_in_future</c>.</summary>
    [HttpGet("kpis", Name = "GetKpisV2")]
    [MapToApiVersion(2)]
    [ProblemResponses(422)]
    public async Task<PartnerKpisV2> KpisV2(
        [FromQuery, Required, StringLength(ContractLimits.Period), RegularExpression(KpiPeriod.Pattern, ErrorMessage = KpiPeriodText.Message)] string period,
        CancellationToken cancellationToken) =>
        PartnerKpisV2.Of(await ReadAsync(period, cancellationToken), clock.GetUtcNow());

    /// <summary>
    /// Your KPIs period by period, <c>from</c> and <c>to</c> included, by month, quarter or year: at most 36 months
    /// (422 <c>period_range_too_long</c>); <c>to</c> before <c>from</c> is 422 <c>period_range_reversed</c>.
    /// </summary>
    [HttpGet("kpis/series", Name = "GetKpiSeries")]
    [MapToApiVersion(1)]
    [ProblemResponses(422)]
    public async Task<KpiSeriesV1> Series([FromQuery] KpiSeriesQuery query, CancellationToken cancellationToken)
    {
        var (from, to, granularity, periods) = await SeriesAsync(query, cancellationToken);
        var asOf = clock.GetUtcNow();
        return new KpiSeriesV1(from, to, granularity, [.. periods.Select(k => PartnerKpisV1.Of(k, asOf))]);
    }

    /// <summary>
    /// Your KPIs period by period, <c>from</c> and <c>to</c> included, by month, quarter or year: at most 36 months
    /// (422 <c>period_range_too_long</c>); <c>to</c> before <c>from</c> is 422 <c>period_range_reversed</c>.
    /// </summary>
    [HttpGet("kpis/series", Name = "GetKpiSeriesV2")]
    [MapToApiVersion(2)]
    [ProblemResponses(422)]
    public async Task<KpiSeriesV2> SeriesV2([FromQuery] KpiSeriesQuery query, CancellationToken cancellationToken)
    {
        var (from, to, granularity, periods) = await SeriesAsync(query, cancellationToken);
        var asOf = clock.GetUtcNow();
        return new KpiSeriesV2(from, to, granularity, [.. periods.Select(k => PartnerKpisV2.Of(k, asOf))]);
    }

    /// <summary>One period's KPIs as CSV: a row per KPI, then events, top SKUs and top regions.</summary>
    [HttpGet("kpis/export", Name = "ExportKpis")]
    [Produces("text/csv")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [ProblemResponses(422)]
    public async Task Export(
        [FromQuery, Required, StringLength(ContractLimits.Period), RegularExpression(KpiPeriod.Pattern, ErrorMessage = KpiPeriodText.Message)] string period,
        CancellationToken cancellationToken)
    {
        var kpis = await ReadAsync(period, cancellationToken);
        await WriteCsvAsync($"kpis-{kpis.Period}.csv", [kpis], cancellationToken);
    }

    /// <summary>A series of KPIs as CSV, period after period.</summary>
    [HttpGet("kpis/series/export", Name = "ExportKpiSeries")]
    [Produces("text/csv")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [ProblemResponses(422)]
    public async Task ExportSeries([FromQuery] KpiSeriesQuery query, CancellationToken cancellationToken)
    {
        var (from, to, _, periods) = await SeriesAsync(query, cancellationToken);
        await WriteCsvAsync($"kpis-{from}-{to}.csv", periods, cancellationToken);
    }

    private async Task<PartnerKpis> ReadAsync(string text, CancellationToken cancellationToken)
    {
        var period = KpiPeriodText.Parse(text, "period");
        reader.EnsureStarted(period);
        var caller = HttpContext.RequirePartnerCaller();
        return await reader.ForPartnerAsync(caller.PartnerId!, caller.Environment!.Value, period, cancellationToken);
    }

    private async Task<(string From, string To, KpiPeriodKind Granularity, IReadOnlyList<PartnerKpis> Periods)> SeriesAsync(KpiSeriesQuery query, CancellationToken cancellationToken)
    {
        var caller = HttpContext.RequirePartnerCaller();
        var granularity = query.Granularity ?? KpiPeriodKind.Month;
        var periods = await series.ForPartnerAsync(caller.PartnerId!, caller.Environment!.Value, KpiPeriodText.Parse(query.From, "from"), KpiPeriodText.Parse(query.To, "to"), granularity, cancellationToken);
        return (query.From, query.To, granularity, periods);
    }

    /// <summary>A period of the years 2000–2999, as every month the platform takes (docs/errors.md › validation_failed).</summary>
    private async Task WriteCsvAsync(string fileName, IEnumerable<PartnerKpis> periods, CancellationToken cancellationToken)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await KpiExport.WriteAsync(periods, Response.Body, cancellationToken);
    }
}

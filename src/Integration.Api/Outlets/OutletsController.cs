using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Hosting;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Outlets;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Outlets;

/// <summary>Your outlets (points of sale) and their daily activity reports. The same in v1 and v2: nothing here is money.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/outlets")]
[Tags("Outlets")]
public sealed class OutletsController(PartnerOutlets outlets, ActivityReports reports) : ControllerBase
{
    /// <summary>Adds an outlet. Orders and activity reports may then name it.</summary>
    [HttpPost(Name = "CreateOutlet")]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [Idempotent(required: false)]
    [ProblemResponses(422)]
    [ProducesResponseType<OutletResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreateOutletRequest request, CancellationToken cancellationToken)
    {
        var caller = HttpContext.RequirePartnerCaller();
        var outlet = await outlets.CreateAsync(caller.PartnerId!, caller.Environment!.Value, request, cancellationToken);
        ETags.Set(HttpContext, outlet.Version);
        return Created(Url.Link("GetOutlet", new { id = outlet.Id, version = RouteData.Values["version"] }), OutletResponse.Of(outlet, outlets.Today));
    }

    /// <summary>Lists your outlets in this environment, oldest first; filter by status today and by region.</summary>
    [HttpGet(Name = "ListOutlets")]
    [PartnerAccess(ApiScopes.OutletsRead)]
    public async Task<Page<OutletResponse>> List([FromQuery] OutletFilter filter, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await outlets.ListAsync(filter, page, cancellationToken)).ToPage(page, HttpContext, PartnerOutlets.CursorOf, o => OutletResponse.Of(o, outlets.Today));

    /// <summary>Reads one of your outlets. The ETag is what changing it needs in If-Match.</summary>
    [HttpGet("{id}", Name = "GetOutlet")]
    [PartnerAccess(ApiScopes.OutletsRead)]
    public async Task<OutletResponse> Get(string id, CancellationToken cancellationToken)
    {
        var outlet = await outlets.GetAsync(id, cancellationToken);
        ETags.Set(HttpContext, outlet.Version);
        return OutletResponse.Of(outlet, outlets.Today);
    }

    /// <summary>
    /// Renames, resizes or retypes an outlet, closes it (<c>closedOn</c>) or re-opens it (<c>"closedOn": null</c>).
    /// Requires If-Match with the outlet's ETag.
    /// </summary>
    /// <param name="id">The outlet's id.</param>
    /// <param name="ifMatch">The outlet's ETag as you last read it (<c>"v3"</c>); required, checked against the current version.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpPatch("{id}", Name = "UpdateOutlet")]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [ProblemResponses(412, 422, 428)]
    public async Task<OutletResponse> Update(string id, [FromHeader(Name = "If-Match"), StringLength(ContractLimits.IfMatch)] string? ifMatch,
        UpdateOutletRequest request, CancellationToken cancellationToken)
    {
        var outlet = await outlets.UpdateAsync(id, request, v => ETags.CheckIfMatch(HttpContext, v, required: true), cancellationToken);
        ETags.Set(HttpContext, outlet.Version);
        return OutletResponse.Of(outlet, outlets.Today);
    }

    /// <summary>
    /// Reports an outlet's day: footfall and conversions. Reporting a day again replaces the earlier report (200; the
    /// first report of a day is 201), so a retry is always safe. The day must have begun and the outlet must have been open.
    /// </summary>
    /// <param name="id">The outlet's id.</param>
    /// <param name="day">The day reported (ISO 8601 date, e.g. <c>2026-12-01</c>).</param>
    /// <param name="request">The day's counts.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpPut("{id}/activity-reports/{day}", Name = "ReportOutletDay")]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [ProblemResponses(422)]
    [ProducesResponseType<ActivityReportResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ActivityReportResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Report(string id, DateOnly day, ActivityReportRequest request, CancellationToken cancellationToken)
    {
        var (reported, created) = await reports.ReportAsync(id, day, request, cancellationToken);
        var body = ActivityReportResponse.Of(reported);
        return created ? Created(Url.Link("ListOutletDays", new { id, version = RouteData.Values["version"] }), body) : Ok(body);
    }

    /// <summary>An outlet's reported days, oldest first; <c>from</c> and <c>to</c> (both included) narrow them.</summary>
    [HttpGet("{id}/activity-reports", Name = "ListOutletDays")]
    [PartnerAccess(ApiScopes.OutletsRead)]
    public async Task<Page<ActivityReportResponse>> Days(string id, [FromQuery] DayRange range, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await reports.ListAsync(id, range, page, cancellationToken)).ToPage(page, HttpContext, ActivityReports.CursorOf, ActivityReportResponse.Of);
}

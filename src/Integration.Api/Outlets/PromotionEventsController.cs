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

/// <summary>
/// Promotional events at your outlets: plan, cost and what actually happened. v1 gives the cost as a number with two
/// decimals; v2 as a decimal string with the currency. An action whose answer differs is written once per version.
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/promotion-events")]
[Tags("PromotionEvents")]
public sealed class PromotionEventsController(PromotionCalendar calendar) : ControllerBase
{
    /// <summary>Plans a promotional event at some of your outlets (422 <c>unknown_outlet</c> if one is not yours).</summary>
    [HttpPost(Name = "CreatePromotionEvent")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [Idempotent(required: false)]
    [ProblemResponses(422)]
    [ProducesResponseType<PromotionEventV1>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreatePromotionEventRequest request, CancellationToken cancellationToken)
    {
        var created = await CreateAsync(request, cancellationToken);
        return Created(Url.Link("GetPromotionEvent", new { id = created.Id, version = "1" }), PromotionEventV1.Of(created));
    }

    /// <summary>Plans up to 500 promotional events; each is created or rejected on its own, and the answer lists every one's outcome in the order sent.</summary>
    [HttpPost("bulk", Name = "BulkCreatePromotionEvents")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [Idempotent(required: false)]
    public Task<BulkResultResponse> Bulk(BulkPromotionEventsRequest request, CancellationToken cancellationToken) =>
        BulkAsync(request.Events, cancellationToken);

    /// <summary>Lists your promotional events, oldest first; <c>from</c> and <c>to</c> keep those whose planned days overlap them.</summary>
    [HttpGet(Name = "ListPromotionEvents")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.OutletsRead)]
    public async Task<Page<PromotionEventV1>> List([FromQuery] DayRange range, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await calendar.ListAsync(range, page, cancellationToken)).ToPage(page, HttpContext, PromotionCalendar.CursorOf, PromotionEventV1.Of);

    /// <summary>Reads one of your promotional events. The ETag is what changing it needs in If-Match.</summary>
    [HttpGet("{id}", Name = "GetPromotionEvent")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.OutletsRead)]
    public async Task<PromotionEventV1> Get(string id, CancellationToken cancellationToken) => PromotionEventV1.Of(await GetAsync(id, cancellationToken));

    /// <summary>Records the actual start and end (or changes the name or plan). Requires If-Match with the event's ETag.</summary>
    /// <param name="id">The event's id.</param>
    /// <param name="ifMatch">The event's ETag as you last read it (<c>"v3"</c>); required, checked against the current version.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpPatch("{id}", Name = "UpdatePromotionEvent")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [ProblemResponses(412, 422, 428)]
    public async Task<PromotionEventV1> Update(string id, [FromHeader(Name = "If-Match"), StringLength(ContractLimits.IfMatch)] string? ifMatch,
        UpdatePromotionEventRequest request, CancellationToken cancellationToken) =>
        PromotionEventV1.Of(await UpdateAsync(id, request, cancellationToken));

    /// <summary>Plans a promotional event at some of your outlets (422 <c>unknown_outlet</c> if one is not yours).</summary>
    [HttpPost(Name = "CreatePromotionEventV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [Idempotent(required: false)]
    [ProblemResponses(422)]
    [ProducesResponseType<PromotionEventV2>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateV2(CreatePromotionEventRequestV2 request, CancellationToken cancellationToken)
    {
        var created = await CreateAsync(request.AsShared(), cancellationToken);
        return Created(Url.Link("GetPromotionEventV2", new { id = created.Id, version = "2" }), PromotionEventV2.Of(created));
    }

    /// <summary>Plans up to 500 promotional events; each is created or rejected on its own, and the answer lists every one's outcome in the order sent.</summary>
    [HttpPost("bulk", Name = "BulkCreatePromotionEventsV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [Idempotent(required: false)]
    public Task<BulkResultResponse> BulkV2(BulkPromotionEventsRequestV2 request, CancellationToken cancellationToken) =>
        BulkAsync([.. request.Events.Select(e => e.AsShared())], cancellationToken);

    /// <summary>Lists your promotional events, oldest first; <c>from</c> and <c>to</c> keep those whose planned days overlap them.</summary>
    [HttpGet(Name = "ListPromotionEventsV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.OutletsRead)]
    public async Task<Page<PromotionEventV2>> ListV2([FromQuery] DayRange range, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await calendar.ListAsync(range, page, cancellationToken)).ToPage(page, HttpContext, PromotionCalendar.CursorOf, PromotionEventV2.Of);

    /// <summary>Reads one of your promotional events. The ETag is what changing it needs in If-Match.</summary>
    [HttpGet("{id}", Name = "GetPromotionEventV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.OutletsRead)]
    public async Task<PromotionEventV2> GetV2(string id, CancellationToken cancellationToken) => PromotionEventV2.Of(await GetAsync(id, cancellationToken));

    /// <summary>Records the actual start and end (or changes the name or plan). Requires If-Match with the event's ETag.</summary>
    /// <param name="id">The event's id.</param>
    /// <param name="ifMatch">The event's ETag as you last read it (<c>"v3"</c>); required, checked against the current version.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpPatch("{id}", Name = "UpdatePromotionEventV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.OutletsWrite)]
    [ProblemResponses(412, 422, 428)]
    public async Task<PromotionEventV2> UpdateV2(string id, [FromHeader(Name = "If-Match"), StringLength(ContractLimits.IfMatch)] string? ifMatch,
        UpdatePromotionEventRequest request, CancellationToken cancellationToken) =>
        PromotionEventV2.Of(await UpdateAsync(id, request, cancellationToken));

    private async Task<Core.Outlets.PromotionEvent> CreateAsync(CreatePromotionEventRequest request, CancellationToken cancellationToken)
    {
        var caller = HttpContext.RequirePartnerCaller();
        var created = await calendar.CreateAsync(caller.PartnerId!, caller.Environment!.Value, request, cancellationToken);
        ETags.Set(HttpContext, created.Version);
        return created;
    }

    private Task<BulkResultResponse> BulkAsync(IReadOnlyList<CreatePromotionEventRequest> events, CancellationToken cancellationToken)
    {
        var caller = HttpContext.RequirePartnerCaller();
        return calendar.CreateManyAsync(caller.PartnerId!, caller.Environment!.Value, events, cancellationToken);
    }

    private async Task<Core.Outlets.PromotionEvent> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await calendar.GetAsync(id, cancellationToken);
        ETags.Set(HttpContext, found.Version);
        return found;
    }

    private async Task<Core.Outlets.PromotionEvent> UpdateAsync(string id, UpdatePromotionEventRequest request, CancellationToken cancellationToken)
    {
        var updated = await calendar.UpdateAsync(id, request, v => ETags.CheckIfMatch(HttpContext, v, required: true), cancellationToken);
        ETags.Set(HttpContext, updated.Version);
        return updated;
    }
}

using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Disputes;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Disputes;

namespace Integration.Api.Disputes;

/// <summary>
/// Disputes of orders and statement lines. The amount sets the level: under 50,000 → 1 (regional
/// manager, resolved within 48 hours), 50,000–500,000 → 2 (legal), above 500,000 → 3 (risk committee;
/// your account is frozen until it is resolved). The amount is held back from payouts meanwhile.
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/disputes")]
[Tags("Disputes")]
public sealed class DisputesController(DisputeDesk disputes, BusinessClock clock) : ControllerBase
{
    [HttpPost(Name = "OpenDispute")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.DisputesWrite)]
    [Idempotent(required: false)]
    [ProblemResponses(404, 422)]
    [ProducesResponseType<DisputeResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> Open(OpenDisputeRequest request, CancellationToken cancellationToken) => OpenAsync(request, cancellationToken);

    /// <summary>The amount is a decimal string, as v2 money is everywhere.</summary>
    [HttpPost(Name = "OpenDisputeV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.DisputesWrite)]
    [Idempotent(required: false)]
    [ProblemResponses(404, 422)]
    [ProducesResponseType<DisputeResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> OpenV2(OpenDisputeRequestV2 request, CancellationToken cancellationToken) => OpenAsync(request.AsShared(), cancellationToken);

    private async Task<IActionResult> OpenAsync(OpenDisputeRequest request, CancellationToken cancellationToken)
    {
        var dispute = await disputes.OpenAsync(HttpContext.RequirePartnerCaller(), request, cancellationToken);
        return Created(Url.Link("GetDispute", new { id = dispute.Id, version = RouteData.Values["version"] }), DisputeResponse.Of(dispute, clock.GetUtcNow()));
    }

    /// <summary>Your disputes, newest first.</summary>
    [HttpGet(Name = "ListDisputes")]
    [PartnerAccess(ApiScopes.SettlementsRead)]
    public async Task<Page<DisputeResponse>> List([FromQuery] DisputeStatus? status, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await disputes.ListAsync(status, level: null, slaBreached: null, page, cancellationToken))
            .ToPage(page, HttpContext, DisputeDesk.CursorOf, d => DisputeResponse.Of(d, clock.GetUtcNow()));

    /// <summary>A dispute with its status and history.</summary>
    [HttpGet("{id}", Name = "GetDispute")]
    [PartnerAccess(ApiScopes.SettlementsRead)]
    public async Task<DisputeResponse> Get(string id, CancellationToken cancellationToken) =>
        DisputeResponse.Of(await disputes.GetAsync(id, cancellationToken), clock.GetUtcNow());
}

/// <summary>Internal teams: every partner's disputes, SLA breaches, resolution.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/disputes")]
public sealed class AdminDisputesController(DisputeDesk disputes, BusinessClock clock) : ControllerBase
{
    /// <summary>Disputes newest first; <c>slaBreached=true</c> reports level-1 disputes resolved late or still open past their deadline.</summary>
    [HttpGet(Name = "ListDisputesAdmin")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<Page<DisputeResponse>> List(
        [FromQuery] DisputeStatus? status, [FromQuery, Range(1, DisputeLevels.Highest)] int? level, [FromQuery] bool? slaBreached, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await disputes.ListAsync(status, level, slaBreached, page, cancellationToken))
            .ToPage(page, HttpContext, DisputeDesk.CursorOf, d => DisputeResponse.Of(d, clock.GetUtcNow()));

    [HttpGet("{id}", Name = "GetDisputeAdmin")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<DisputeResponse> Get(string id, CancellationToken cancellationToken) =>
        DisputeResponse.Of(await disputes.GetAsync(id, cancellationToken), clock.GetUtcNow());

    /// <summary>
    /// Accepts (with an adjustment) or rejects a dispute, with the permission its level needs. A level-3 resolution is
    /// proposed (202) and takes effect when a different risk person approves it; then the freeze lifts and held payouts are released.
    /// </summary>
    [HttpPost("{id}/resolve", Name = "ResolveDispute")]
    [AdminAccess(AdminPermission.DisputesResolve)]
    [ProducesResponseType<DisputeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ResolutionProposalResponse>(StatusCodes.Status202Accepted)]
    [ProblemResponses(404, 409)]
    public async Task<IActionResult> Resolve(string id, ResolveDisputeRequest request, CancellationToken cancellationToken)
    {
        var dispute = await disputes.ResolveAsBrandAsync(id, request, HttpContext.GetCaller()!, cancellationToken);
        return ResolutionProposalResponse.Of(dispute) is { } proposal
            ? Accepted(proposal)
            : Ok(DisputeResponse.Of(dispute, clock.GetUtcNow()));
    }

    /// <summary>The level-3 resolution waiting for a second risk person's approval.</summary>
    [HttpGet("{id}/resolution-proposal", Name = "GetResolutionProposal")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<ResolutionProposalResponse> GetProposal(string id, CancellationToken cancellationToken) =>
        ResolutionProposalResponse.Of(await disputes.GetAsync(id, cancellationToken))
        ?? throw new DomainException(ErrorKind.NotFound, "resource_not_found", $"Dispute '{id}' has no resolution waiting for approval.");

    /// <summary>A risk person other than the proposer approves the proposed level-3 resolution; the dispute is resolved as proposed.</summary>
    [HttpPost("{id}/resolution-proposal/approve", Name = "ApproveResolutionProposal")]
    [AdminAccess(AdminPermission.DisputesResolveLevel3)]
    [ProblemResponses(404, 409)]
    public async Task<DisputeResponse> ApproveProposal(string id, CancellationToken cancellationToken) =>
        DisputeResponse.Of(await disputes.ApproveProposalAsync(id, HttpContext.GetCaller()!, cancellationToken), clock.GetUtcNow());
}

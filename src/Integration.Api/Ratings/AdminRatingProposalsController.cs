using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Ratings;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Ratings;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Ratings;

/// <summary>Internal teams: credit rating proposals from payment history, and finance's or risk's decision on them.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/rating-proposals")]
public sealed class AdminRatingProposalsController(RatingProposals proposals) : ControllerBase
{
    /// <summary>Proposals oldest first, decided ones included (the history). Narrow with <c>status</c> and <c>partnerId</c>.</summary>
    [HttpGet(Name = "ListRatingProposals")]
    [AdminAccess(AdminPermission.Read)]
    [ProblemResponses(400)]
    public async Task<Page<RatingProposalResponse>> List(
        [FromQuery] PageQuery page, [FromQuery] RatingProposalStatus? status, [FromQuery, StringLength(ContractLimits.Id)] string? partnerId,
        CancellationToken cancellationToken) =>
        (await proposals.ListAsync(status, partnerId, page, cancellationToken)).ToPage(page, HttpContext, RatingProposals.CursorOf, RatingProposalResponse.Of);

    /// <summary>Assesses payment histories now for an ended quarter, as the quarter-end job does. Assessing again gives the same proposals.</summary>
    [HttpPost(Name = "ProposeRatings")]
    [AdminAccess(AdminPermission.RatingsPropose)]
    [ProblemResponses(404, 422)]
    public async Task<ProposeRatingsResponse> Propose(ProposeRatingsRequest request, CancellationToken cancellationToken) =>
        await proposals.ProposeNowAsync(request, cancellationToken);

    [HttpGet("{id}", Name = "GetRatingProposal")]
    [AdminAccess(AdminPermission.Read)]
    [ProblemResponses(404)]
    public async Task<RatingProposalResponse> Get([StringLength(ContractLimits.Id)] string id, CancellationToken cancellationToken) =>
        RatingProposalResponse.Of(await proposals.GetAsync(id, cancellationToken));

    /// <summary>Accepts a pending proposal: the partner's rating changes on the first day of next month; the partner hears of it now.</summary>
    [HttpPost("{id}/accept", Name = "AcceptRatingProposal")]
    [AdminAccess(AdminPermission.RatingsAccept)]
    [ProblemResponses(404, 409)]
    public async Task<RatingProposalResponse> Accept([StringLength(ContractLimits.Id)] string id, RatingDecisionRequest? request, CancellationToken cancellationToken) =>
        RatingProposalResponse.Of(await proposals.AcceptAsync(id, HttpContext.GetCaller()!.ClientId, request?.Reason, cancellationToken));

    /// <summary>Rejects a pending proposal, with the reason; the rating stays.</summary>
    [HttpPost("{id}/reject", Name = "RejectRatingProposal")]
    [AdminAccess(AdminPermission.RatingsAccept)]
    [ProblemResponses(404, 409)]
    public async Task<RatingProposalResponse> Reject([StringLength(ContractLimits.Id)] string id, RatingDecisionRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw DomainException.Invalid("reason", "A rejection states its reason.");
        }
        return RatingProposalResponse.Of(await proposals.RejectAsync(id, HttpContext.GetCaller()!.ClientId, request.Reason, cancellationToken));
    }
}

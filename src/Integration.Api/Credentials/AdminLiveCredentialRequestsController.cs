using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Credentials;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Credentials;

/// <summary>Live credentials, four-eyes: <c>onboarding</c> requests, a different person with <c>credentials</c> approves or rejects.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}")]
public sealed class AdminLiveCredentialRequestsController(LiveCredentialDesk desk) : ControllerBase
{
    /// <summary>Asks for a live credential for an active, qualified partner, with a reason for the approver.</summary>
    [HttpPost("partners/{partnerId}/live-credential-requests", Name = "RequestLiveCredential")]
    [AdminAccess(AdminPermission.LiveCredentialsRequest)]
    [ProducesResponseType<LiveCredentialRequestResponse>(StatusCodes.Status201Created)]
    [ProblemResponses(404, 422)]
    public async Task<IActionResult> Ask(string partnerId, RequestLiveCredentialRequest request, CancellationToken cancellationToken)
    {
        var asked = await desk.RequestAsync(partnerId, request, HttpContext.GetCaller()!, cancellationToken);
        return CreatedAtRoute("GetLiveCredentialRequest", new { id = asked.Id, version = "1" }, LiveCredentialRequestResponse.From(asked));
    }

    /// <summary>Requests oldest first, optionally in one status; <c>pending</c> is what waits for a second person.</summary>
    [HttpGet("live-credential-requests", Name = "ListLiveCredentialRequests")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<Page<LiveCredentialRequestResponse>> List([FromQuery] LiveCredentialRequestStatus? status, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await desk.ListAsync(status, page, cancellationToken)).ToPage(page, HttpContext, LiveCredentialDesk.CursorOf, LiveCredentialRequestResponse.From);

    [HttpGet("live-credential-requests/{id}", Name = "GetLiveCredentialRequest")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<LiveCredentialRequestResponse> Get(string id, CancellationToken cancellationToken) =>
        LiveCredentialRequestResponse.From(await desk.FindAsync(id, cancellationToken));

    /// <summary>Approves a request someone else made: the live credential is issued and its secret is in this response only.</summary>
    [HttpPost("live-credential-requests/{id}/approve", Name = "ApproveLiveCredentialRequest")]
    [AdminAccess(AdminPermission.LiveCredentialsApprove)]
    [ProducesResponseType<LiveCredentialApprovalResponse>(StatusCodes.Status201Created)]
    [ProblemResponses(404, 409, 422)]
    public async Task<IActionResult> Approve(string id, CancellationToken cancellationToken)
    {
        var (request, credential, secret) = await desk.ApproveAsync(id, HttpContext.GetCaller()!, cancellationToken);
        return CreatedAtRoute("GetCredential", new { id = credential.Id, version = "1" },
            new LiveCredentialApprovalResponse(LiveCredentialRequestResponse.From(request), CredentialResponse.From(credential), secret));
    }

    /// <summary>Rejects a request someone else made, with a note for the requester.</summary>
    [HttpPost("live-credential-requests/{id}/reject", Name = "RejectLiveCredentialRequest")]
    [AdminAccess(AdminPermission.LiveCredentialsApprove)]
    [ProblemResponses(404, 409)]
    public async Task<LiveCredentialRequestResponse> Reject(string id, RejectLiveCredentialRequest request, CancellationToken cancellationToken) =>
        LiveCredentialRequestResponse.From(await desk.RejectAsync(id, request, HttpContext.GetCaller()!, cancellationToken));
}

using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Credentials;
using Integration.Application.Partners;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Credentials;

/// <summary>
/// Your credentials in this environment: list them with their last use, create restricted ones, rotate with an overlap,
/// revoke. Needs the scope <c>credentials:manage</c> (docs/authentication.md › Managing your own credentials).
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/credentials")]
[PartnerAccess(ApiScopes.CredentialsManage)]
public sealed class CredentialsController(PartnerCredentials credentials) : ControllerBase
{
    /// <summary>Your credentials of this environment, newest first (revoked ones too), with when each last called the API.</summary>
    /// <param name="page">Which page: <c>limit</c> and the previous page's <c>cursor</c>.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpGet(Name = "ListOwnCredentials")]
    public async Task<Page<OwnCredentialResponse>> List([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await credentials.ListAsync(Who, page, cancellationToken)).ToPage(page, HttpContext, PartnerCredentials.CursorOf, OwnCredentialResponse.Of);

    /// <summary>One of your credentials; another partner's, or another environment's, is 404.</summary>
    /// <param name="id">The credential's id.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpGet("{id}", Name = "GetOwnCredential")]
    [ProblemResponses(404)]
    public async Task<OwnCredentialResponse> Get([StringLength(ContractLimits.Id)] string id, CancellationToken cancellationToken) =>
        OwnCredentialResponse.Of(await credentials.GetAsync(Who, id, cancellationToken));

    /// <summary>
    /// Creates a credential in this environment holding some of your scopes, never more. Live credentials once your
    /// onboarding is complete. The secret is in this answer only.
    /// </summary>
    /// <param name="request">The scopes and a name.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpPost(Name = "CreateOwnCredential")]
    [Idempotent(required: false, protectResponse: true)]
    [ProblemResponses(422)]
    [ProducesResponseType<OwnCredentialWithSecretResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreateOwnCredentialRequest request, CancellationToken cancellationToken)
    {
        var (credential, secret) = await credentials.CreateAsync(Who, request.Scopes, request.Name, cancellationToken);
        return Created(Url.Link("GetOwnCredential", new { id = credential.Id, version = RouteData.Values["version"] }),
            new OwnCredentialWithSecretResponse(OwnCredentialResponse.Of(credential, null), secret));
    }

    /// <summary>A new secret, shown once; the old one keeps working for the overlap (default 24 h, 0 retires it at once).</summary>
    /// <param name="id">The credential's id.</param>
    /// <param name="request">The overlap; optional.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpPost("{id}/rotate", Name = "RotateOwnCredential")]
    [Idempotent(required: false, protectResponse: true)]
    [ProblemResponses(404, 409)]
    public async Task<OwnCredentialWithSecretResponse> Rotate(
        [StringLength(ContractLimits.Id)] string id, [FromBody] RotateCredentialRequest? request, CancellationToken cancellationToken)
    {
        var overlap = request?.OverlapMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        var (credential, secret) = await credentials.RotateAsync(Who, id, overlap, cancellationToken);
        return new OwnCredentialWithSecretResponse(OwnCredentialResponse.Of(credential, null), secret);
    }

    /// <summary>
    /// Revokes a credential: token requests fail at once, its access tokens within 60 s. Revoking the credential you
    /// call with needs <c>self=true</c>, since your own calls stop with it.
    /// </summary>
    /// <param name="id">The credential's id.</param>
    /// <param name="self">Confirms revoking the calling credential itself.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpPost("{id}/revoke", Name = "RevokeOwnCredential")]
    [ProblemResponses(404, 409)]
    public async Task<OwnCredentialResponse> Revoke([StringLength(ContractLimits.Id)] string id, [FromQuery] bool self, CancellationToken cancellationToken) =>
        OwnCredentialResponse.Of(await credentials.RevokeAsync(Who, id, self, cancellationToken), null);

    private PartnerActor Who => PartnerActor.OfCredential(HttpContext.RequirePartnerCaller());
}

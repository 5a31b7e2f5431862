using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Integration.Application.Credentials;

namespace Integration.Api.Credentials;

/// <summary>
/// OAuth client credentials: partners' (sandbox directly, live on a second person's approval) and internal teams' and
/// tools' (admins only). Nobody rotates another holder's internal credential: its new secret would go to the caller.
/// </summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}")]
public sealed class AdminCredentialsController(IntegrationDbContext db, CredentialIssuer issuer) : ControllerBase
{
    /// <summary>Issues a sandbox credential for a partner. The secret is in this response only. Live credentials: request one (four-eyes).</summary>
    [HttpPost("partners/{partnerId}/credentials", Name = "IssuePartnerCredential")]
    [AdminAccess(AdminPermission.CredentialsManage)]
    [ProducesResponseType<CredentialWithSecretResponse>(StatusCodes.Status201Created)]
    [ProblemResponses(404, 422)]
    public async Task<IActionResult> IssueForPartner(string partnerId, IssuePartnerCredentialRequest request, CancellationToken cancellationToken)
    {
        var (credential, secret) = await issuer.IssueForPartnerAsync(partnerId, request, Actor, cancellationToken);
        return Issued(credential, secret);
    }

    /// <summary>Lists a partner's credentials, newest first. Secrets are never returned.</summary>
    [HttpGet("partners/{partnerId}/credentials", Name = "ListPartnerCredentials")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<Page<CredentialResponse>> ListForPartner(string partnerId, [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            throw DomainException.NotFound("partner", partnerId);
        }
        var query = db.Credentials.AsNoTracking().Where(c => c.PartnerId == partnerId);
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(c => c.CreatedAt < createdAt || (c.CreatedAt == createdAt && string.Compare(c.Id, id) < 0));
        }
        var credentials = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return credentials.ToPage(page, HttpContext, c => Cursor.Encode(c.CreatedAt, c.Id), CredentialResponse.From);
    }

    /// <summary>Issues a credential for an internal team or tool, with the admin scope and the roles given.</summary>
    [HttpPost("internal-credentials", Name = "IssueInternalCredential")]
    [AdminAccess(AdminPermission.InternalCredentialsManage)]
    [ProducesResponseType<CredentialWithSecretResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> IssueInternal(IssueInternalCredentialRequest request, CancellationToken cancellationToken)
    {
        var (credential, secret) = await issuer.IssueInternalAsync(request.Name, request.Roles.ToList(), Actor, cancellationToken);
        return Issued(credential, secret);
    }

    /// <summary>Replaces an internal credential's roles. Its access tokens that carry a role taken away stop working at once.</summary>
    [HttpPut("internal-credentials/{id}/roles", Name = "ChangeInternalCredentialRoles")]
    [AdminAccess(AdminPermission.InternalCredentialsManage)]
    [ProblemResponses(404, 409)]
    public async Task<CredentialResponse> ChangeRoles(string id, ChangeRolesRequest request, CancellationToken cancellationToken)
    {
        var credential = await FindAsync(id, CredentialKind.Internal, cancellationToken);
        await issuer.ChangeRolesAsync(credential, request.Roles.ToList(), Actor, cancellationToken);
        return CredentialResponse.From(credential);
    }

    /// <summary>Revokes an internal credential: token requests fail at once, its access tokens within seconds. Re-issue one to replace it.</summary>
    [HttpPost("internal-credentials/{id}/revoke", Name = "RevokeInternalCredential")]
    [AdminAccess(AdminPermission.InternalCredentialsManage)]
    [ProblemResponses(404, 409)]
    public async Task<CredentialResponse> RevokeInternal(string id, CancellationToken cancellationToken)
    {
        var credential = await FindAsync(id, CredentialKind.Internal, cancellationToken);
        await issuer.RevokeAsync(credential, Actor, cancellationToken);
        return CredentialResponse.From(credential);
    }

    /// <summary>Replaces the secret of the calling internal credential; the new one is returned to its own holder only.</summary>
    [HttpPost("internal-credentials/me/rotate", Name = "RotateOwnInternalCredential")]
    [AdminAccess(AdminPermission.OwnCredentialRotate)]
    [ProblemResponses(409)]
    public async Task<CredentialWithSecretResponse> RotateOwn([FromBody] RotateCredentialRequest? request, CancellationToken cancellationToken) =>
        await RotateAsync(await FindAsync(HttpContext.GetCaller()!.CredentialId, CredentialKind.Internal, cancellationToken), request, cancellationToken);

    /// <summary>Reads one credential (without its secret).</summary>
    [HttpGet("credentials/{id}", Name = "GetCredential")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<CredentialResponse> Get(string id, CancellationToken cancellationToken) =>
        CredentialResponse.From(await db.Credentials.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw DomainException.NotFound("credential", id));

    /// <summary>Replaces a partner credential's secret. The old one keeps working for the overlap window (default 24 h), then fails.</summary>
    [HttpPost("credentials/{id}/rotate", Name = "RotateCredential")]
    [AdminAccess(AdminPermission.CredentialsManage)]
    [ProblemResponses(409)]
    public async Task<CredentialWithSecretResponse> Rotate(string id, [FromBody] RotateCredentialRequest? request, CancellationToken cancellationToken) =>
        await RotateAsync(await FindAsync(id, CredentialKind.Partner, cancellationToken), request, cancellationToken);

    /// <summary>Revokes a partner credential: token requests fail at once; its access tokens stop working within 60 s.</summary>
    [HttpPost("credentials/{id}/revoke", Name = "RevokeCredential")]
    [AdminAccess(AdminPermission.CredentialsManage)]
    [ProblemResponses(409)]
    public async Task<CredentialResponse> Revoke(string id, CancellationToken cancellationToken)
    {
        var credential = await FindAsync(id, CredentialKind.Partner, cancellationToken);
        await issuer.RevokeAsync(credential, Actor, cancellationToken);
        return CredentialResponse.From(credential);
    }

    private string Actor => HttpContext.GetCaller()!.ClientId;

    private async Task<CredentialWithSecretResponse> RotateAsync(Credential credential, RotateCredentialRequest? request, CancellationToken cancellationToken)
    {
        var overlap = request?.OverlapMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        var (rotated, secret) = await issuer.RotateAsync(credential, overlap, Actor, cancellationToken);
        return new CredentialWithSecretResponse(CredentialResponse.From(rotated), secret);
    }

    private IActionResult Issued(Credential credential, string secret) =>
        CreatedAtRoute("GetCredential", new { id = credential.Id, version = "1" },
            new CredentialWithSecretResponse(CredentialResponse.From(credential), secret));

    /// <summary>
    /// A credential of the kind the endpoint acts on. An internal credential reached through a partner-credential
    /// endpoint is refused, not found: rotating it would hand its holder's new secret to the caller.
    /// </summary>
    private async Task<Credential> FindAsync(string id, CredentialKind kind, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw DomainException.NotFound("credential", id);
        if (credential.Kind == kind)
        {
            return credential;
        }
        throw kind == CredentialKind.Partner
            ? new DomainException(ErrorKind.Forbidden, "internal_credential",
                $"Credential '{id}' is internal. Only its holder rotates it (POST /admin/v1/internal-credentials/me/rotate); an admin revokes it "
                + "(POST /admin/v1/internal-credentials/{id}/revoke) and issues a new one.")
            : DomainException.NotFound("internal credential", id);
    }
}

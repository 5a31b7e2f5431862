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

/// <summary>OAuth client credentials, issued by internal teams to partners (per environment) and to internal tools.</summary>
[ApiController]
[ApiVersion(1)]
[AdminAccess]
[Route("admin/v{version:apiVersion}")]
public sealed class AdminCredentialsController(IntegrationDbContext db, CredentialIssuer issuer) : ControllerBase
{
    /// <summary>Issues a credential for a partner and an environment. The secret is in this response only.</summary>
    [HttpPost("partners/{partnerId}/credentials", Name = "IssuePartnerCredential")]
    [ProducesResponseType<CredentialWithSecretResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> IssueForPartner(string partnerId, IssuePartnerCredentialRequest request, CancellationToken cancellationToken)
    {
        var (credential, secret) = await issuer.IssueForPartnerAsync(partnerId, request, Actor, cancellationToken);
        return Issued(credential, secret);
    }

    /// <summary>Lists a partner's credentials, newest first. Secrets are never returned.</summary>
    [HttpGet("partners/{partnerId}/credentials", Name = "ListPartnerCredentials")]
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

    /// <summary>Issues a credential for an internal team or tool, with the admin scope.</summary>
    [HttpPost("internal-credentials", Name = "IssueInternalCredential")]
    [ProducesResponseType<CredentialWithSecretResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> IssueInternal(IssueInternalCredentialRequest request, CancellationToken cancellationToken)
    {
        var (credential, secret) = await issuer.IssueInternalAsync(request.Name, Actor, cancellationToken);
        return Issued(credential, secret);
    }

    /// <summary>Reads one credential (without its secret).</summary>
    [HttpGet("credentials/{id}", Name = "GetCredential")]
    public async Task<CredentialResponse> Get(string id, CancellationToken cancellationToken) =>
        CredentialResponse.From(await FindAsync(id, cancellationToken));

    /// <summary>Replaces the secret. The old one keeps working for the overlap window (default 24 h), then fails.</summary>
    [HttpPost("credentials/{id}/rotate", Name = "RotateCredential")]
    [ProblemResponses(409)]
    public async Task<CredentialWithSecretResponse> Rotate(string id, [FromBody] RotateCredentialRequest? request, CancellationToken cancellationToken)
    {
        var overlap = request?.OverlapMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        var (credential, secret) = await issuer.RotateAsync(await FindAsync(id, cancellationToken), overlap, Actor, cancellationToken);
        return new CredentialWithSecretResponse(CredentialResponse.From(credential), secret);
    }

    /// <summary>Revokes the credential: token requests fail at once; its access tokens stop working within 60 s.</summary>
    [HttpPost("credentials/{id}/revoke", Name = "RevokeCredential")]
    [ProblemResponses(409)]
    public async Task<CredentialResponse> Revoke(string id, CancellationToken cancellationToken)
    {
        var credential = await FindAsync(id, cancellationToken);
        await issuer.RevokeAsync(credential, Actor, cancellationToken);
        return CredentialResponse.From(credential);
    }

    private string Actor => HttpContext.GetCaller()!.ClientId;

    private IActionResult Issued(Credential credential, string secret) =>
        CreatedAtRoute("GetCredential", new { id = credential.Id, version = "1" },
            new CredentialWithSecretResponse(CredentialResponse.From(credential), secret));

    private async Task<Credential> FindAsync(string id, CancellationToken cancellationToken) =>
        await db.Credentials.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw DomainException.NotFound("credential", id);
}

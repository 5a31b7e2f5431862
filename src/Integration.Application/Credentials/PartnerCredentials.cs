using Integration.Application.Paging;
using Integration.Application.Partners;
using Integration.Application.RequestLog;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Credentials;

/// <summary>
/// A partner manages its own credentials of one environment (docs/authentication.md › Managing your own credentials):
/// the partner API for a credential holding <c>credentials:manage</c>, the portal for an owner or developer. Issuing,
/// rotating and revoking stay <see cref="CredentialIssuer"/>'s; this adds who may, and which scopes a new one may hold.
/// </summary>
public sealed class PartnerCredentials(IntegrationDbContext db, CredentialIssuer issuer, PartnerRequestLog requestLog)
{
    /// <summary>The actor's partner's credentials of the actor's environment, newest first, with the time each last called the API.</summary>
    public async Task<IReadOnlyList<UsedCredential>> ListAsync(PartnerActor who, PageRequest page, CancellationToken cancellationToken)
    {
        var query = Own(who);
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(c => c.CreatedAt < createdAt || (c.CreatedAt == createdAt && string.Compare(c.Id, id) < 0));
        }
        await requestLog.WrittenAsync(cancellationToken); // the caller's own latest call counts as a use at once
        var credentials = await query.AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        var used = new List<UsedCredential>(credentials.Count);
        foreach (var credential in credentials)
        {
            used.Add(new UsedCredential(credential, await LastUsedAtAsync(who, credential, cancellationToken)));
        }
        return used;
    }

    public static string CursorOf(UsedCredential used) => Cursor.Encode(used.Credential.CreatedAt, used.Credential.Id);

    public async Task<UsedCredential> GetAsync(PartnerActor who, string id, CancellationToken cancellationToken)
    {
        var credential = await FindAsync(who, id, cancellationToken);
        await requestLog.WrittenAsync(cancellationToken);
        return new UsedCredential(credential, await LastUsedAtAsync(who, credential, cancellationToken));
    }

    /// <summary>
    /// A new credential in the actor's environment with at most the actor's scopes (a restricted credential). Live
    /// ones only for a partner whose onboarding is complete.
    /// </summary>
    public async Task<(Credential Credential, string Secret)> CreateAsync(
        PartnerActor who, IReadOnlyList<string> scopes, string? name, CancellationToken cancellationToken)
    {
        who.RequireCredentialsManager();
        var beyond = scopes.Where(s => !who.Scopes.Contains(s)).Distinct().ToList();
        if (beyond.Count > 0)
        {
            throw new DomainException(ErrorKind.Unprocessable, "scopes_not_held",
                $"A new credential may hold only scopes you hold; you do not hold {string.Join(", ", beyond)}.",
                new Dictionary<string, string[]> { ["scopes"] = [$"Not held by the caller: {string.Join(", ", beyond)}."] });
        }
        var request = new IssuePartnerCredentialRequest { Environment = who.Environment, Scopes = scopes, Name = name };
        try
        {
            return await issuer.IssueByPartnerAsync(who.PartnerId, request, who.Name, cancellationToken);
        }
        catch (DomainException refused) when (refused.Code == "onboarding_incomplete")
        {
            throw new DomainException(ErrorKind.Unprocessable, refused.Code,
                refused.Message + " Your first live credential is requested by your onboarding reviewer and approved by a second person "
                + "(a live-credential request); once your onboarding is complete you create further live credentials yourself.");
        }
    }

    /// <summary>A new secret; the old one keeps working for the overlap (default 24 h), as an internal team's rotation does.</summary>
    public async Task<(Credential Credential, string Secret)> RotateAsync(PartnerActor who, string id, TimeSpan? overlap, CancellationToken cancellationToken)
    {
        who.RequireCredentialsManager();
        return await issuer.RotateAsync(await FindAsync(who, id, cancellationToken), overlap, who.Name, cancellationToken);
    }

    /// <summary>
    /// Revokes at once. A credential revoking itself must say so (<paramref name="self"/>): its own calls stop with it,
    /// and an integration that revokes the wrong id by mistake would otherwise lock itself out.
    /// </summary>
    public async Task<Credential> RevokeAsync(PartnerActor who, string id, bool self, CancellationToken cancellationToken)
    {
        who.RequireCredentialsManager();
        var credential = await FindAsync(who, id, cancellationToken);
        if (credential.Id == who.CredentialId && !self)
        {
            throw new DomainException(ErrorKind.Conflict, "revoking_own_credential",
                "This is the credential you are calling with: its calls stop when it is revoked. Repeat with ?self=true to confirm.");
        }
        await issuer.RevokeAsync(credential, who.Name, cancellationToken);
        return credential;
    }

    private IQueryable<Credential> Own(PartnerActor who) =>
        db.Credentials.Where(c => c.Kind == CredentialKind.Partner && c.PartnerId == who.PartnerId && c.Environment == who.Environment);

    /// <summary>Another partner's or environment's credential is 404, as if it did not exist.</summary>
    private async Task<Credential> FindAsync(PartnerActor who, string id, CancellationToken cancellationToken) =>
        await Own(who).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw DomainException.NotFound("credential", id);

    /// <summary>The latest call in the request log (kept 30 days); null when there is none.</summary>
    private async Task<DateTimeOffset?> LastUsedAtAsync(PartnerActor who, Credential credential, CancellationToken cancellationToken) =>
        await db.RequestLog.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.PartnerId == who.PartnerId && r.Environment == who.Environment && r.ClientId == credential.ClientId)
            .OrderByDescending(r => r.At).Select(r => (DateTimeOffset?)r.At).FirstOrDefaultAsync(cancellationToken);
}

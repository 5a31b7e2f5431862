using Integration.Application.Environments;
using Integration.Application.Audit;
using Integration.Application.Events;
using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Events;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Integration.Application.Credentials;

/// <summary>
/// Issues, rotates and revokes credentials. Each operation writes the OAuth application, our
/// credential record and the audit entry in one transaction: all of it happens or none of it.
/// </summary>
public sealed class CredentialIssuer(
    IntegrationDbContext db,
    OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication> applications,
    CredentialActivity activity,
    AuditLog audit,
    EventLog events,
    TimeProvider clock,
    IServiceProvider services,
    IOptions<OAuthOptions> options)
{
    /// <summary>Sandbox credentials, issued directly. Live ones need a second person: <see cref="IssueLiveAsync"/>.</summary>
    public async Task<(Credential Credential, string Secret)> IssueForPartnerAsync(
        string partnerId, IssuePartnerCredentialRequest request, string actor, CancellationToken cancellationToken)
    {
        if (request.Environment == ApiEnvironment.Live)
        {
            throw new DomainException(ErrorKind.Unprocessable, "live_credential_needs_approval",
                $"Live credentials are issued on a second person's approval: request one with POST /admin/v1/partners/{partnerId}/live-credential-requests.");
        }
        var partner = await FindPartnerAsync(partnerId, cancellationToken);
        return await IssuePartnerAsync(partner, request, actor, null, cancellationToken);
    }

    /// <summary>
    /// A partner issues a credential for itself (docs/adr/0023): sandbox at once; live once its onboarding is complete, the
    /// same check an approved live-credential request passes. Scopes are checked by the caller against its own.
    /// </summary>
    public async Task<(Credential Credential, string Secret)> IssueByPartnerAsync(
        string partnerId, IssuePartnerCredentialRequest request, string actor, CancellationToken cancellationToken)
    {
        var partner = request.Environment == ApiEnvironment.Live
            ? await EnsureLiveAllowedAsync(partnerId, cancellationToken)
            : await FindPartnerAsync(partnerId, cancellationToken);
        return await IssuePartnerAsync(partner, request, actor, null, cancellationToken);
    }

    /// <summary>
    /// The one way an internal team brings a live credential about: an approved request (four-eyes). Whatever a partner must have
    /// done before it may call the live API is checked here (<see cref="EnsureLiveAllowedAsync"/>).
    /// </summary>
    public async Task<(Credential Credential, string Secret)> IssueLiveAsync(
        LiveCredentialRequest approved, string actor, CancellationToken cancellationToken)
    {
        var partner = await EnsureLiveAllowedAsync(approved.PartnerId, cancellationToken);
        var request = new IssuePartnerCredentialRequest { Environment = ApiEnvironment.Live, Scopes = approved.Scopes, Name = approved.Name };
        return await IssuePartnerAsync(partner, request, actor, approved, cancellationToken);
    }

    /// <summary>Refuses live credentials to a partner that may not have them yet; asked when they are requested and again when approved.</summary>
    public async Task<Partner> EnsureLiveAllowedAsync(string partnerId, CancellationToken cancellationToken)
    {
        var partner = await FindPartnerAsync(partnerId, cancellationToken);
        EnsureOnboardingComplete(partner);
        return partner;
    }

    private async Task<Partner> FindPartnerAsync(string partnerId, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken)
            ?? throw DomainException.NotFound("partner", partnerId);
        if (partner.SandboxOwnerId is not null)
        {
            throw new DomainException(ErrorKind.Unprocessable, "sandbox_peer",
                $"This partner is a peer seeded into the sandbox of {partner.SandboxOwnerId}; it exists only there and gets no credentials.");
        }
        return partner;
    }

    private async Task<(Credential Credential, string Secret)> IssuePartnerAsync(
        Partner partner, IssuePartnerCredentialRequest request, string actor, LiveCredentialRequest? approved, CancellationToken cancellationToken)
    {
        var scopes = CheckPartnerScopes(request.Scopes);
        var name = request.Name ?? $"{partner.Name} ({SnakeCase.Of(request.Environment)})";
        var issued = await IssueAsync(CredentialKind.Partner, partner.Id, request.Environment, name, scopes, [], actor, approved, cancellationToken);
        if (services.GetKeyedService<IEnvironmentProvisioning>(request.Environment) is { } provisioning)
        {
            await provisioning.OnCredentialIssuedAsync(partner.Id, cancellationToken);
        }
        return issued;
    }

    public Task<(Credential Credential, string Secret)> IssueInternalAsync(
        string name, IReadOnlyCollection<InternalRole> roles, string actor, CancellationToken cancellationToken) =>
        IssueAsync(CredentialKind.Internal, null, ApiEnvironment.Live, name, [ApiScopes.Admin], roles, actor, null, cancellationToken);

    /// <summary>Gives an internal credential new roles; its tokens carrying a role taken away stop working at once.</summary>
    public async Task ChangeRolesAsync(Credential credential, IReadOnlyCollection<InternalRole> roles, string actor, CancellationToken cancellationToken)
    {
        var before = credential.Roles.ToList();
        credential.ChangeRoles(roles);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(actor, "credential.roles_changed", credential.Id,
            Details: new { credential.ClientId, before = before.Select(SnakeCase.Of), after = credential.Roles.Select(SnakeCase.Of) }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity.Forget(credential.Id);
    }

    public async Task<(Credential Credential, string Secret)> RotateAsync(
        Credential credential, TimeSpan? overlap, string actor, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(credential.ClientId, cancellationToken)
            ?? throw new DomainException(ErrorKind.Conflict, "credential_revoked", $"Credential '{credential.Id}' is revoked.");
        var window = overlap ?? options.Value.RotationOverlap;
        credential.Rotate(application.ClientSecret!, window, clock.UtcNow());
        var secret = ClientSecrets.NewSecret(credential.Kind, credential.Environment);

        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await applications.UpdateAsync(application, secret, cancellationToken);
        await audit.AppendAsync(new AuditRecord(actor, "credential.rotated", credential.Id,
            Details: new { credential.ClientId, overlapMinutes = (int)window.TotalMinutes }), cancellationToken);
        if (credential is { PartnerId: { } partnerId, PreviousSecretExpiresAt: { } expiresAt })
        {
            // The partner's own systems still holding the old secret learn when it stops working.
            events.Append(partnerId, credential.Environment, EventTypes.CredentialExpiring, credential.Id,
                new { credentialId = credential.Id, credential.ClientId, previousSecretExpiresAt = expiresAt }, clock.UtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (credential, secret);
    }

    public async Task RevokeAsync(Credential credential, string actor, CancellationToken cancellationToken)
    {
        credential.Revoke(clock.UtcNow());
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        if (await applications.FindByClientIdAsync(credential.ClientId, cancellationToken) is { } application)
        {
            await applications.DeleteAsync(application, cancellationToken); // its token entries go with it
        }
        await audit.AppendAsync(new AuditRecord(actor, "credential.revoked", credential.Id, Details: new { credential.ClientId }), cancellationToken);
        if (credential.PartnerId is { } partnerId)
        {
            events.Append(partnerId, credential.Environment, EventTypes.CredentialRevoked, credential.Id,
                new { credentialId = credential.Id, credential.ClientId }, clock.UtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity.Forget(credential.Id);
    }

    /// <summary>Revokes every credential the partner still holds: what ends a terminated partner's access, whichever way it was terminated.</summary>
    public async Task EndPartnerCredentialsAsync(string partnerId, string actor, CancellationToken cancellationToken)
    {
        foreach (var credential in await db.Credentials.Where(c => c.PartnerId == partnerId && c.Status != CredentialStatus.Revoked).ToListAsync(cancellationToken))
        {
            await RevokeAsync(credential, actor, cancellationToken);
        }
    }

    private async Task<(Credential Credential, string Secret)> IssueAsync(
        CredentialKind kind, string? partnerId, ApiEnvironment environment, string name, List<string> scopes,
        IReadOnlyCollection<InternalRole> roles, string actor, LiveCredentialRequest? approved, CancellationToken cancellationToken)
    {
        var credential = new Credential
        {
            Id = Ids.New("cred"),
            ClientId = ClientSecrets.NewClientId(kind, environment),
            Kind = kind,
            PartnerId = partnerId,
            Environment = environment,
            Name = name,
            Scopes = scopes,
            CreatedAt = clock.UtcNow(),
        };
        if (kind == CredentialKind.Internal)
        {
            credential.ChangeRoles(roles);
        }
        var secret = ClientSecrets.NewSecret(kind, environment);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = credential.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.Endpoints.Introspection,
                Permissions.GrantTypes.ClientCredentials,
            },
        };

        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await applications.CreateAsync(descriptor, cancellationToken);
        db.Credentials.Add(credential);
        if (approved is not null)
        {
            approved.Approve(actor, credential.Id, clock.UtcNow()); // tracked: saved with the credential, or not at all
        }
        await audit.AppendAsync(new AuditRecord(actor, "credential.issued", credential.Id,
            Details: new
            {
                credential.ClientId, kind = SnakeCase.Of(kind), partnerId, environment = SnakeCase.Of(environment), scopes,
                roles = kind == CredentialKind.Internal ? credential.Roles.Select(SnakeCase.Of) : null,
                // Four-eyes: both people, in the entry of the credential they brought about together.
                requestId = approved?.Id, requestedBy = approved?.RequestedBy, approvedBy = approved is null ? null : actor,
            }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (credential, secret);
    }

    /// <summary>
    /// Live credentials need a completed onboarding (domain.md › Onboarding): an active partner with a signed agreement
    /// and a verified business licence on record. Everything missing is named at once.
    /// </summary>
    private static void EnsureOnboardingComplete(Partner partner)
    {
        var missing = new List<string>();
        if (partner.Status != PartnerStatus.Active)
        {
            missing.Add($"the partner is '{SnakeCase.Of(partner.Status)}', not active");
        }
        if (partner.Agreement.VersionId is null)
        {
            missing.Add("no agreement version is signed by both sides");
        }
        if (!partner.IsQualified)
        {
            missing.Add("the business licence number and the date qualification was verified are not on record");
        }
        if (missing.Count > 0)
        {
            throw new DomainException(ErrorKind.Unprocessable, "onboarding_incomplete",
                $"Live credentials need a completed onboarding: {string.Join("; ", missing)}. Sandbox credentials work meanwhile.");
        }
    }

    internal static List<string> CheckPartnerScopes(IReadOnlyList<string> requested)
    {
        var unknown = requested.Where(s => !ApiScopes.IsPartnerScope(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(ErrorKind.Validation, "validation_failed", "The credential names scopes that partners cannot hold.",
                new Dictionary<string, string[]>
                {
                    ["scopes"] = [$"Unknown or internal scope(s): {string.Join(", ", unknown)}. Partner scopes: {string.Join(", ", ApiScopes.PartnerScopes)}."],
                });
        }
        return requested.Distinct().ToList();
    }
}

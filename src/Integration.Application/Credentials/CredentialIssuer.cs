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
    public async Task<(Credential Credential, string Secret)> IssueForPartnerAsync(
        string partnerId, IssuePartnerCredentialRequest request, string actor, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken)
            ?? throw DomainException.NotFound("partner", partnerId);
        var scopes = CheckPartnerScopes(request.Scopes);
        if (request.Environment == ApiEnvironment.Live)
        {
            EnsureOnboardingComplete(partner);
        }
        if (partner.SandboxOwnerId is not null)
        {
            throw new DomainException(ErrorKind.Unprocessable, "sandbox_peer",
                $"This partner is a peer seeded into the sandbox of {partner.SandboxOwnerId}; it exists only there and gets no credentials.");
        }
        var name = request.Name ?? $"{partner.Name} ({SnakeCase.Of(request.Environment)})";
        var issued = await IssueAsync(CredentialKind.Partner, partner.Id, request.Environment, name, scopes, actor, cancellationToken);
        if (services.GetKeyedService<IEnvironmentProvisioning>(request.Environment) is { } provisioning)
        {
            await provisioning.OnCredentialIssuedAsync(partner.Id, cancellationToken);
        }
        return issued;
    }

    public Task<(Credential Credential, string Secret)> IssueInternalAsync(string name, string actor, CancellationToken cancellationToken) =>
        IssueAsync(CredentialKind.Internal, null, ApiEnvironment.Live, name, [ApiScopes.Admin], actor, cancellationToken);

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

    private async Task<(Credential Credential, string Secret)> IssueAsync(
        CredentialKind kind, string? partnerId, ApiEnvironment environment, string name, List<string> scopes,
        string actor, CancellationToken cancellationToken)
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
        await audit.AppendAsync(new AuditRecord(actor, "credential.issued", credential.Id,
            Details: new { credential.ClientId, kind = SnakeCase.Of(kind), partnerId, environment = SnakeCase.Of(environment), scopes }), cancellationToken);
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

    private static List<string> CheckPartnerScopes(IReadOnlyList<string> requested)
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

using Integration.Core.Common;

namespace Integration.Core.Credentials;

/// <summary>
/// An OAuth client issued by an internal team. The current secret's hash lives in the OAuth
/// application; this record keeps who it belongs to, its scopes, and the previous secret during a
/// rotation's overlap window.
/// </summary>
public sealed class Credential
{
    public required string Id { get; init; }
    public required string ClientId { get; init; }
    public CredentialKind Kind { get; init; }
    public string? PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public required string Name { get; set; }
    public required List<string> Scopes { get; init; }

    /// <summary>Internal credentials only: what the team or tool holding it is trusted with (<see cref="RolePermissions"/>).</summary>
    public List<InternalRole> Roles { get; private set; } = [];
    public CredentialStatus Status { get; private set; } = CredentialStatus.Active;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RotatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? PreviousSecretHash { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    public bool AcceptsPreviousSecret(string secret, DateTimeOffset now) =>
        Status == CredentialStatus.Active
        && PreviousSecretExpiresAt > now
        && ClientSecrets.Matches(secret, PreviousSecretHash);

    public void Rotate(string currentSecretHash, TimeSpan overlap, DateTimeOffset now)
    {
        EnsureActive();
        PreviousSecretHash = overlap > TimeSpan.Zero ? currentSecretHash : null;
        PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        RotatedAt = now;
    }

    public void ChangeRoles(IEnumerable<InternalRole> roles)
    {
        EnsureActive();
        if (Kind != CredentialKind.Internal)
        {
            throw new DomainException(ErrorKind.Unprocessable, "not_internal", $"Credential '{Id}' belongs to a partner; only internal credentials carry roles.");
        }
        Roles = InternalRoles.Distinct(roles);
    }

    public void Revoke(DateTimeOffset now)
    {
        EnsureActive();
        Status = CredentialStatus.Revoked;
        RevokedAt = now;
        PreviousSecretHash = null;
        PreviousSecretExpiresAt = null;
    }

    private void EnsureActive()
    {
        if (Status == CredentialStatus.Revoked)
        {
            throw new DomainException(ErrorKind.Conflict, "credential_revoked", $"Credential '{Id}' is revoked.");
        }
    }
}

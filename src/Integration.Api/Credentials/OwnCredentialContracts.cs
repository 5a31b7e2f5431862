using System.ComponentModel.DataAnnotations;
using Integration.Application.Credentials;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Credentials;

namespace Integration.Api.Credentials;

/// <summary>A new credential of your company in the calling credential's environment, with some or all of its scopes.</summary>
public sealed record CreateOwnCredentialRequest
{
    /// <summary>The scopes of the new credential: only scopes the calling credential holds (a restricted credential).</summary>
    [Identifier]
    [MinLength(1, ErrorMessage = "Give the credential at least one scope.")]
    [MaxLength(ContractLimits.Scopes)]
    [MaxLengthEach(ContractLimits.Token)]
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>A label for people, e.g. "Warehouse scanner".</summary>
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public string? Name { get; init; }
}

/// <summary>One of your credentials in this environment; never its secret.</summary>
public sealed record OwnCredentialResponse(
    string Id, string ClientId, ApiEnvironment Environment, string Name, IReadOnlyList<string> Scopes, CredentialStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? RotatedAt, DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static OwnCredentialResponse Of(UsedCredential used) => Of(used.Credential, used.LastUsedAt);

    public static OwnCredentialResponse Of(Credential c, DateTimeOffset? lastUsedAt) => new(
        c.Id, c.ClientId, c.Environment, c.Name, c.Scopes, c.Status, c.CreatedAt, c.RotatedAt, c.PreviousSecretExpiresAt, c.RevokedAt, lastUsedAt);
}

/// <summary>A new or rotated credential with its secret, shown in this answer only: we keep just its hash.</summary>
public sealed record OwnCredentialWithSecretResponse(OwnCredentialResponse Credential, string ClientSecret);

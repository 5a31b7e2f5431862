using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Credentials;

namespace Integration.Application.Credentials;

public sealed record IssuePartnerCredentialRequest
{
    /// <summary><c>live</c> or <c>sandbox</c>. Live credentials need a qualified, active partner.</summary>
    public required ApiEnvironment Environment { get; init; }

    /// <summary>The scopes the credential may request; give each integration only what it needs.</summary>
    [Identifier]
    [MinLength(1, ErrorMessage = "Give the credential at least one scope.")]
    [MaxLength(ContractLimits.Scopes)]
    [MaxLengthEach(ContractLimits.Token)]
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>A label for people, e.g. "ERP connector".</summary>
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public string? Name { get; init; }
}

public sealed record IssueInternalCredentialRequest
{
    /// <summary>Which team or tool uses it, e.g. "Channel operations".</summary>
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string Name { get; init; }

    /// <summary>What its holder is trusted with; each role grants the permissions of docs/internal-roles.md.</summary>
    [MinLength(1, ErrorMessage = "Give the credential at least one role.")]
    [MaxLength(8)]
    public required IReadOnlyList<InternalRole> Roles { get; init; }
}

public sealed record ChangeRolesRequest
{
    /// <summary>The credential's roles from now on (replacing the ones it has).</summary>
    [MinLength(1, ErrorMessage = "Give the credential at least one role; revoke it to take everything away.")]
    [MaxLength(8)]
    public required IReadOnlyList<InternalRole> Roles { get; init; }
}

/// <summary>A new secret for a credential; the old one keeps working for the overlap.</summary>
public sealed record RotateCredentialRequest
{
    /// <summary>How long the old secret keeps working, in minutes (0 to 10080); default 1440 (24 h).</summary>
    [Range(0, 10080)]
    public int? OverlapMinutes { get; init; }
}

public sealed record CredentialResponse(
    string Id, string ClientId, CredentialKind Kind, string? PartnerId, ApiEnvironment? Environment, string Name,
    IReadOnlyList<string> Scopes, CredentialStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? RotatedAt,
    DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset? RevokedAt, IReadOnlyList<InternalRole>? Roles)
{
    public static CredentialResponse From(Credential c) => new(
        c.Id, c.ClientId, c.Kind, c.PartnerId, c.Kind == CredentialKind.Partner ? c.Environment : null, c.Name,
        c.Scopes, c.Status, c.CreatedAt, c.RotatedAt, c.PreviousSecretExpiresAt, c.RevokedAt,
        c.Kind == CredentialKind.Internal ? c.Roles : null);
}

/// <summary>A credential with its secret. The secret is shown in this response only; we keep just its hash.</summary>
public sealed record CredentialWithSecretResponse(CredentialResponse Credential, string ClientSecret);

using System.Security.Claims;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using OpenIddict.Abstractions;

namespace Integration.Application.OAuth;

/// <summary>The claims our access tokens carry beside the standard ones.</summary>
public static class PlatformClaims
{
    public const string CredentialId = "credential_id";
    public const string CredentialKind = "credential_kind";
    public const string PartnerId = "partner_id";
    public const string Environment = "environment";
    public const string Tier = "tier";

    /// <summary>A partner user's role in the portal (<c>owner|developer|finance|viewer</c>); internal people have none.</summary>
    public const string PartnerRole = "partner_role";

    /// <summary>An internal credential's roles, one claim each (snake_case); checked against the credential on every request.</summary>
    public const string Role = "internal_role";
}

/// <summary>Who is calling, read once from the validated access token.</summary>
public sealed record Caller(
    string ClientId,
    string CredentialId,
    CredentialKind Kind,
    string? PartnerId,
    ApiEnvironment? Environment,
    PartnerTier? Tier,
    IReadOnlyList<string> Scopes)
{
    /// <summary>Internal callers only: the roles the token was issued with.</summary>
    public IReadOnlyList<InternalRole> Roles { get; init; } = [];

    public bool Holds(string permission) => Kind == CredentialKind.Internal && RolePermissions.Grants(Roles, permission);

    /// <summary>For a permission that depends on what is acted on (a dispute's level), checked once that is known.</summary>
    public void Require(string permission)
    {
        if (!Holds(permission))
        {
            throw RolePermissions.Refusal(permission, Roles);
        }
    }

    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || principal.FindFirst(PlatformClaims.CredentialId)?.Value is not { } credentialId)
        {
            return null;
        }
        var kind = SnakeCase.TryParse<CredentialKind>(principal.FindFirst(PlatformClaims.CredentialKind)?.Value, out var k) ? k : CredentialKind.Partner;
        ApiEnvironment? environment = SnakeCase.TryParse<ApiEnvironment>(principal.FindFirst(PlatformClaims.Environment)?.Value, out var e) ? e : null;
        PartnerTier? tier = SnakeCase.TryParse<PartnerTier>(principal.FindFirst(PlatformClaims.Tier)?.Value, out var t) ? t : null;
        return new Caller(
            principal.FindFirst(OpenIddictConstants.Claims.Subject)?.Value ?? "",
            credentialId, kind, principal.FindFirst(PlatformClaims.PartnerId)?.Value, environment, tier,
            principal.GetScopes().ToList())
        {
            Roles = kind == CredentialKind.Internal
                ? InternalRoles.Distinct(principal.FindAll(PlatformClaims.Role).Select(c => SnakeCase.TryParse<InternalRole>(c.Value, out var role) ? role : (InternalRole?)null).OfType<InternalRole>())
                : [],
        };
    }
}

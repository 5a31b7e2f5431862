using System.Security.Claims;
using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Core.Credentials;
using OpenIddict.Abstractions;

namespace Integration.Web.Sessions;

/// <summary>The signed-in person of this request, as the pages see them: who, for which partner, with which roles.</summary>
public sealed class WebSession
{
    public const string PartnerRoleClaim = "partner_role";

    public bool SignedIn { get; private set; }
    public string PersonId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? PartnerId { get; private set; }
    public string? PartnerRole { get; private set; }
    public IReadOnlyList<InternalRole> InternalRoles { get; private set; } = [];
    public ApiEnvironment Environment { get; internal set; } = ApiEnvironment.Sandbox;

    /// <summary>The person as the admin API sees them when they call it with this cookie: the caller the application services take.</summary>
    public Caller? Caller { get; private set; }

    public bool IsPartnerUser => PartnerId is not null && PartnerRole is not null;
    public bool IsInternal => PartnerId is null && InternalRoles.Count > 0;

    /// <summary>What the admin API's policies would answer for the same person: the same role map decides.</summary>
    public bool May(string permission) => IsInternal && RolePermissions.Grants(InternalRoles, permission);

    /// <summary>Partner roles (domain.md): the owner does everything, the developer the technical pages, finance the money pages.</summary>
    public bool MayAsPartner(params string[] roles) => IsPartnerUser && (PartnerRole == "owner" || roles.Contains(PartnerRole));

    internal void Load(ClaimsPrincipal principal)
    {
        SignedIn = principal.Identity?.IsAuthenticated == true && principal.FindFirst(PlatformClaims.CredentialId) is not null;
        if (!SignedIn)
        {
            return;
        }
        PersonId = principal.FindFirst(PlatformClaims.CredentialId)!.Value;
        Email = principal.FindFirst(OpenIddictConstants.Claims.Subject)?.Value ?? "";
        PartnerId = principal.FindFirst(PlatformClaims.PartnerId)?.Value;
        PartnerRole = principal.FindFirst(PartnerRoleClaim)?.Value;
        InternalRoles = [.. principal.FindAll(PlatformClaims.Role)
            .Select(claim => SnakeCase.TryParse<InternalRole>(claim.Value, out var role) ? role : (InternalRole?)null)
            .OfType<InternalRole>()];
        Caller = Caller.From(principal);
    }

    /// <summary>The internal caller, refused as the admin API refuses when their roles do not grant <paramref name="permission"/>.</summary>
    public Caller Require(string permission)
    {
        if (!IsInternal || Caller is not { Kind: CredentialKind.Internal } caller)
        {
            throw RolePermissions.Refusal(permission, InternalRoles.ToList());
        }
        caller.Require(permission);
        return caller;
    }
}

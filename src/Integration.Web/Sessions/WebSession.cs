using System.Security.Claims;
using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using OpenIddict.Abstractions;

namespace Integration.Web.Sessions;

/// <summary>The signed-in person of this request, as the pages see them: who, for which partner, with which roles.</summary>
public sealed class WebSession
{
    public bool SignedIn { get; private set; }
    public string PersonId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? PartnerId { get; private set; }
    public PartnerRole? PartnerRole { get; private set; }
    public IReadOnlyList<InternalRole> InternalRoles { get; private set; } = [];
    public ApiEnvironment Environment { get; internal set; } = ApiEnvironment.Sandbox;

    /// <summary>The person as the admin API sees them when they call it with this cookie: the caller the application services take.</summary>
    public Caller? Caller { get; private set; }

    /// <summary>Portal pages: why the partner may not trade in the chosen environment, or null (read before rendering).</summary>
    public string? FrozenBecause { get; internal set; }

    /// <summary>Portal pages in the sandbox: why nothing of the sandbox may change now (its clock advances in the background), or null.</summary>
    public string? SandboxAdvancing { get; internal set; }

    public bool IsPartnerUser => PartnerId is not null && PartnerRole is not null;
    public bool IsInternal => PartnerId is null && InternalRoles.Count > 0;

    /// <summary>What the admin API's policies would answer for the same person: the same role map decides.</summary>
    public bool May(string permission) => IsInternal && RolePermissions.Grants(InternalRoles, permission);

    /// <summary>What the partner user may change (every role reads): the same map the services check.</summary>
    public bool MayAsPartner(PartnerWork work) => PartnerRole is { } role && PartnerRoleRights.May(role, work);

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
        PartnerRole = SnakeCase.TryParse<PartnerRole>(principal.FindFirst(PlatformClaims.PartnerRole)?.Value, out var partnerRole) ? partnerRole : null;
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

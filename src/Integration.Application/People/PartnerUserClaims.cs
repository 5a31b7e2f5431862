using System.Security.Claims;
using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Data.People;

namespace Integration.Application.People;

/// <summary>The two claims that make a signed-in person a partner user: <c>partner_id</c> and <c>partner_role</c>.</summary>
public static class PartnerUserClaims
{
    /// <summary>Adds them for a partner user; an internal person gets neither.</summary>
    public static void AddTo(ClaimsIdentity identity, Person person)
    {
        if (person is { PartnerId: { } partnerId, PartnerRole: { } role })
        {
            identity.AddClaim(new Claim(PlatformClaims.PartnerId, partnerId));
            identity.AddClaim(new Claim(PlatformClaims.PartnerRole, SnakeCase.Of(role)));
        }
    }

    /// <summary>Whether a principal's partner claims still describe the person (a role changed or a user moved ends the session).</summary>
    public static bool StillMatch(ClaimsPrincipal principal, Person person) =>
        principal.FindFirst(PlatformClaims.PartnerId)?.Value == person.PartnerId
        && principal.FindFirst(PlatformClaims.PartnerRole)?.Value == (person.PartnerRole is { } role ? SnakeCase.Of(role) : null);
}

using System.Security.Claims;
using Integration.Application.OAuth;
using Integration.Application.People;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Data.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Integration.Web.People;

/// <summary>
/// A person's cookie session. It carries the same claims an internal access token does (so the admin API's policies
/// treat both alike), but its roles only once the person has passed the TOTP check: a password alone reaches nothing.
/// A partner user's session carries <c>partner_id</c> and <c>partner_role</c> instead, and neither the admin scope nor
/// an internal role: the admin API refuses it.
/// </summary>
public sealed class PersonSessions(UserManager<Person> people)
{
    public const string Scheme = "Person";
    private const string StampClaim = "person_stamp";

    public async Task<ClaimsPrincipal> PrincipalAsync(Person person, bool twoFactorPassed)
    {
        var identity = new ClaimsIdentity(Scheme, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        identity.SetClaim(OpenIddictConstants.Claims.Subject, person.Email);
        identity.SetClaim(PlatformClaims.CredentialId, person.Id);
        identity.SetClaim(PlatformClaims.CredentialKind, SnakeCase.Of(CredentialKind.Internal));
        identity.SetClaim(StampClaim, await people.GetSecurityStampAsync(person));
        if (person.IsPartnerUser)
        {
            PartnerUserClaims.AddTo(identity, person);
            return new ClaimsPrincipal(identity);
        }
        identity.SetScopes(ApiScopes.Admin);
        if (twoFactorPassed)
        {
            identity.SetClaims(PlatformClaims.Role, [.. person.Roles.Select(SnakeCase.Of)]);
        }
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Every request: the person still exists, is not locked out, has not reset their security, and still holds the roles the cookie claims.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var people = context.HttpContext.RequestServices.GetRequiredService<UserManager<Person>>();
        var id = context.Principal?.FindFirst(PlatformClaims.CredentialId)?.Value;
        var person = id is null ? null : await people.FindByIdAsync(id);
        var claimed = context.Principal?.FindAll(PlatformClaims.Role).Select(c => c.Value).ToList() ?? [];
        if (person is null
            || await people.IsLockedOutAsync(person)
            || context.Principal?.FindFirst(StampClaim)?.Value != await people.GetSecurityStampAsync(person)
            || !claimed.All(role => person.Roles.Select(SnakeCase.Of).Contains(role))
            || !PartnerUserClaims.StillMatch(context.Principal!, person))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}

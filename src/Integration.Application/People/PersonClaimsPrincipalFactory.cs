using System.Security.Claims;
using Integration.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Integration.Application.People;

/// <summary>What Identity's sign-in puts in a person's cookie, plus the partner claims (<see cref="PartnerUserClaims"/>).</summary>
public sealed class PersonClaimsPrincipalFactory(UserManager<Person> people, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Person>(people, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        PartnerUserClaims.AddTo(identity, user);
        return identity;
    }
}

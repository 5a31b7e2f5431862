using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Microsoft.AspNetCore.Identity;

namespace Integration.Data.People;

/// <summary>
/// A person who signs in: an internal person (with <see cref="Roles"/>), or a partner user (with <see cref="PartnerId"/>
/// and one <see cref="PartnerRole"/>, never an internal role). Internal people sign in (ASP.NET Core Identity: password, then a TOTP code; recovery codes). Their roles
/// grant permissions from the same map as internal credentials' (<see cref="RolePermissions"/>).
/// </summary>
public sealed class Person : IdentityUser
{
    public required string DisplayName { get; set; }
    public List<InternalRole> Roles { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The partner a partner user belongs to; null for internal people.</summary>
    public string? PartnerId { get; private set; }

    public PartnerRole? PartnerRole { get; private set; }

    public bool IsPartnerUser => PartnerId is not null;

    public void JoinPartner(string partnerId, PartnerRole role)
    {
        Roles = [];
        PartnerId = partnerId;
        PartnerRole = role;
    }

    public void ChangePartnerRole(PartnerRole role) => PartnerRole = role;

    public void ChangeRoles(IEnumerable<InternalRole> roles)
    {
        if (PartnerId is not null)
        {
            throw new DomainException(ErrorKind.Unprocessable, "partner_user_roles",
                $"{Email} is a user of partner '{PartnerId}': partner users hold a partner role, never an internal one.");
        }
        Roles = InternalRoles.Distinct(roles);
    }
}

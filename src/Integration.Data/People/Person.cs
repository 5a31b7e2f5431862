using Integration.Core.Credentials;
using Microsoft.AspNetCore.Identity;

namespace Integration.Data.People;

/// <summary>
/// An internal person who signs in (ASP.NET Core Identity: password, then a TOTP code; recovery codes). Their roles
/// grant permissions from the same map as internal credentials' (<see cref="RolePermissions"/>).
/// </summary>
public sealed class Person : IdentityUser
{
    public required string DisplayName { get; set; }
    public List<InternalRole> Roles { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; init; }

    public void ChangeRoles(IEnumerable<InternalRole> roles) => Roles = InternalRoles.Distinct(roles);
}

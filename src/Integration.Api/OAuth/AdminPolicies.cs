using Integration.Web.People;
using Integration.Api.People;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Authorization;

namespace Integration.Api.OAuth;

/// <summary>One authorization policy per <see cref="AdminPermission"/>: internal caller, <c>admin</c> scope, a role that grants it.</summary>
public static class AdminPolicies
{
    private const string Prefix = "admin:";

    public static string NameOf(string permission) => Prefix + permission;

    public static void AddAdminPolicies(this AuthorizationOptions options)
    {
        foreach (var permission in RolePermissions.All)
        {
            // Internal credentials' bearer tokens and people's cookie sessions, under the same requirements.
            options.AddPolicy(NameOf(permission), policy => policy
                .AddAuthenticationSchemes(CachedBearerHandler.SchemeName, PersonSessions.Scheme)
                .AddRequirements(new InternalCallerRequirement(), new ScopeRequirement(ApiScopes.Admin), new PermissionRequirement(permission)));
        }
    }
}

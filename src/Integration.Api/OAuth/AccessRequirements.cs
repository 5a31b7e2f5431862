using Integration.Application.Audit;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Authorization;

namespace Integration.Api.OAuth;

/// <summary>The caller holds a partner credential (not an internal one).</summary>
public sealed class PartnerCallerRequirement : IAuthorizationRequirement;

/// <summary>The caller holds an internal credential (admin API).</summary>
public sealed class InternalCallerRequirement : IAuthorizationRequirement;

/// <summary>The access token carries <see cref="Scope"/>.</summary>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>The internal caller's roles grant <see cref="Permission"/> (<see cref="RolePermissions"/>).</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>A partner endpoint that needs <paramref name="scope"/> (or none, for the caller's own profile).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PartnerAccessAttribute(string? scope = null) : AuthorizeAttribute, IAuthorizationRequirementData
{
    public string? Scope { get; } = scope;

    public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
        Scope is null ? [new PartnerCallerRequirement()] : [new PartnerCallerRequirement(), new ScopeRequirement(Scope)];
}

/// <summary>
/// An internal-team endpoint under <c>/admin</c>: internal credential with the <c>admin</c> scope, and the
/// <see cref="AdminPermission"/> the endpoint needs, enforced by that permission's policy (<see cref="AdminPolicies"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AdminAccessAttribute : AuthorizeAttribute
{
    public AdminAccessAttribute(string permission)
    {
        Permission = permission;
        Policy = AdminPolicies.NameOf(permission);
    }

    public string Permission { get; }
}

public sealed class AccessRequirementsHandler(IHttpContextAccessor accessor) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var caller = accessor.HttpContext?.GetCaller();
        if (caller is null)
        {
            return Task.CompletedTask;
        }
        if (caller.Kind == CredentialKind.Internal)
        {
            // Every admin endpoint passes here: its audit entries name the roles the caller acted with.
            accessor.HttpContext!.RequestServices.GetRequiredService<ActingPerson>().Caller = caller;
        }
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var met = requirement switch
            {
                PartnerCallerRequirement => caller.Kind == CredentialKind.Partner && caller.PartnerId is not null,
                InternalCallerRequirement => caller.Kind == CredentialKind.Internal,
                ScopeRequirement scope => caller.Scopes.Contains(scope.Scope),
                PermissionRequirement permission => caller.Holds(permission.Permission),
                _ => false,
            };
            if (met)
            {
                context.Succeed(requirement);
            }
        }
        return Task.CompletedTask;
    }
}

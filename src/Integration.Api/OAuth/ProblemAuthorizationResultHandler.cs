using Integration.Api.Hosting;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Net.Http.Headers;

namespace Integration.Api.OAuth;

/// <summary>401 and 403 as problem+json that say exactly what is missing, with RFC 6750 <c>WWW-Authenticate</c>.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            await context.ChallengeAsync();
            if (!context.Response.HasStarted)
            {
                var sentToken = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
                await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized,
                    sentToken ? "invalid_token" : "unauthorized",
                    sentToken
                        ? "The access token is expired, revoked, malformed, or was not issued for this API."
                        : "This endpoint needs an access token: get one from /connect/token and send it as 'Authorization: Bearer <token>'.");
            }
            return;
        }
        if (result.Forbidden)
        {
            var failed = result.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
            if (failed.OfType<InternalCallerRequirement>().Any())
            {
                await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "admin_only",
                    "The admin API accepts only internal credentials; partner tokens are refused.");
                return;
            }
            if (failed.OfType<PartnerCallerRequirement>().Any())
            {
                await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "partner_only",
                    "This endpoint is for partner credentials; internal credentials use the admin API.");
                return;
            }
            if (failed.OfType<ScopeRequirement>().FirstOrDefault() is { } missing)
            {
                var held = context.GetCaller()?.Scopes ?? [];
                context.Response.Headers[HeaderNames.WWWAuthenticate] =
                    $"Bearer error=\"insufficient_scope\", scope=\"{missing.Scope}\"";
                await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "insufficient_scope",
                    $"This endpoint needs the scope '{missing.Scope}'. The token has: {(held.Count == 0 ? "no scopes" : string.Join(' ', held))}.");
                return;
            }
            if (failed.OfType<PermissionRequirement>().FirstOrDefault() is { } needed)
            {
                var refusal = RolePermissions.Refusal(needed.Permission, context.GetCaller()?.Roles ?? []);
                await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, refusal.Code, refusal.Message);
                return;
            }
        }
        await _default.HandleAsync(next, context, policy, result);
    }
}

using Integration.Api.Hosting;
using OpenIddict.Abstractions;

namespace Integration.Api.OAuth;

/// <summary>
/// JWT access tokens validate on their own; this makes a revoked credential's (or a revoked token's)
/// requests fail with 401 <c>invalid_token</c> within the revocation check interval.
/// </summary>
public sealed class CredentialRevocationMiddleware(RequestDelegate next, CredentialActivity activity)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetCaller() is { } caller
            && !await activity.IsActiveAsync(caller.CredentialId, context.User.GetTokenId(), context.RequestAborted))
        {
            context.Response.Headers.WWWAuthenticate =
                "Bearer error=\"invalid_token\", error_description=\"The access token or its credential has been revoked.\"";
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "invalid_token",
                "The access token or the credential it was issued to has been revoked.");
            return;
        }
        await next(context);
    }
}

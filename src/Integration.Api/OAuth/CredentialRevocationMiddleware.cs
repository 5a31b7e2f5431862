using Integration.Api.Hosting;
using Integration.Api.Partners;
using Integration.Application.Partners;
using OpenIddict.Abstractions;
using Integration.Application.OAuth;

namespace Integration.Api.OAuth;

/// <summary>
/// JWT access tokens validate on their own; this makes a revoked credential's (or a revoked token's)
/// requests, and tokens whose claims are not their credential's, fail with 401 <c>invalid_token</c>, and gives a partner caller its current tier (its rate
/// limit) rather than the one its token was issued with. From here on, every log line of the request
/// carries the caller's partner id and client id (a logging scope; never a secret or a token).
/// </summary>
public sealed class CredentialRevocationMiddleware(
    RequestDelegate next, CredentialActivity activity, PartnerSnapshots partners, ILogger<CredentialRevocationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetCaller() is not { } caller)
        {
            await next(context);
            return;
        }
        if (!await activity.IsActiveAsync(caller, context.User.GetTokenId(), context.RequestAborted))
        {
            context.Response.Headers.WWWAuthenticate =
                "Bearer error=\"invalid_token\", error_description=\"The access token or its credential has been revoked.\"";
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "invalid_token",
                "The access token or the credential it was issued to has been revoked.");
            return;
        }
        if (caller.PartnerId is { } partnerId && await partners.GetAsync(partnerId) is { } partner && partner.Tier != caller.Tier)
        {
            context.SetCaller(caller with { Tier = partner.Tier });
        }
        using (logger.BeginScope(new Dictionary<string, object?> { ["PartnerId"] = caller.PartnerId, ["ClientId"] = caller.ClientId }))
        {
            await next(context);
        }
    }
}

using Integration.Api.RateLimiting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Integration.Api.OAuth;

/// <summary>
/// Every refused token request that names a client is a credential event: counted for the audit log
/// (<see cref="RefusedTokenRequests"/>), and a wrong secret also uses up the client's allowance of
/// wrong secrets, which <see cref="TokenRequestLimitMiddleware"/> checks before the next secret is.
/// </summary>
public sealed class CountRefusedTokenRequests(
    RefusedTokenRequests refusals, RateLimitGate gate, IOptions<RateLimitOptions> limits, IHttpContextAccessor accessor)
    : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        var clientId = context.Request?.ClientId;
        if (string.IsNullOrEmpty(context.Response.Error) || string.IsNullOrEmpty(clientId)
            || accessor.HttpContext is not { } http)
        {
            return;
        }
        refusals.Count(clientId, RateLimitPolicy.SourceAddress(http), context.Response.Error, context.Response.ErrorDescription);
        if (context.Response.Error == OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidClient)
        {
            await gate.TakeAsync(RateLimitPolicy.ForWrongSecrets(clientId, http, limits.Value));
            await gate.TakeAsync(RateLimitPolicy.ForWrongSecretsPerClient(clientId, limits.Value));
        }
    }
}

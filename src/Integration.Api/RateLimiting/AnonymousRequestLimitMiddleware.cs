using Integration.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Integration.Api.RateLimiting;

/// <summary>
/// One budget per source address for everything answered without a valid token: discovery, JWKS,
/// revocation and introspection (answered by OpenIddict during authentication, before
/// <see cref="RateLimitMiddleware"/>), the interactive docs, and requests (API, OpenAPI documents)
/// that carry no token. Runs before all of them. On the OAuth and docs paths a bearer header buys
/// nothing: they never read it. Token requests have their own limits (<see cref="TokenRequestLimitMiddleware"/>);
/// health probes answer before this.
/// </summary>
public sealed class AnonymousRequestLimitMiddleware(RequestDelegate next, RateLimitGate gate, IOptions<RateLimitOptions> options)
{
    private const string Counted = "anonymous-request-counted";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var answeredWithoutToken = path.StartsWithSegments("/.well-known") || path.StartsWithSegments("/connect")
            || path.StartsWithSegments("/docs");
        if (path.StartsWithSegments(TokenRequestLimitMiddleware.TokenPath)
            || (!answeredWithoutToken && context.Request.Headers.Authorization.Count > 0))
        {
            await next(context);
            return;
        }

        var (applied, decision) = await gate.TakeAsync(RateLimitPolicy.ForAnonymous(context, options.Value));
        RateLimitFields.AddTo(context.Response, applied, decision);
        context.Items[Counted] = true;
        if (!decision.Allowed)
        {
            var seconds = RateLimitFields.AddRetryAfter(context.Response, applied, decision);
            await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited",
                $"Too many requests without a token from this address for the {applied.Describe()}. Retry after {seconds} s.");
            return;
        }
        await next(context);
    }

    /// <summary>Whether this request already drew on its address's budget.</summary>
    public static bool WasCounted(HttpContext context) => context.Items.ContainsKey(Counted);
}

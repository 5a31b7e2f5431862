using Integration.Api.Hosting;
using Integration.Api.OAuth;
using Microsoft.Extensions.Options;

namespace Integration.Api.RateLimiting;

/// <summary>
/// Token buckets per partner and environment, sized by tier (<see cref="RateLimitGate"/> decides
/// whether they are shared through Redis). Every answer carries the IETF <c>RateLimit-Policy</c>
/// and <c>RateLimit</c> fields; an empty bucket answers 429 with <c>Retry-After</c>. Requests that
/// came without a token were limited per address already (<see cref="AnonymousRequestLimitMiddleware"/>);
/// one whose token did not validate draws on that same budget here.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimitGate gate, IOptions<RateLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (AnonymousRequestLimitMiddleware.WasCounted(context) || context.Request.Path.StartsWithSegments(TokenRequestLimitMiddleware.TokenPath))
        {
            await next(context);
            return;
        }

        // Building the policy is a few string concatenations, cheaper than remembering it per caller.
        var policy = context.GetCaller() is { } caller
            ? RateLimitPolicy.ForCaller(caller, options.Value)
            : RateLimitPolicy.ForAnonymous(context, options.Value);
        var (applied, decision) = await gate.TakeAsync(policy);
        RateLimitFields.AddTo(context.Response, applied, decision);
        if (!decision.Allowed)
        {
            var seconds = RateLimitFields.AddRetryAfter(context.Response, applied, decision);
            await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited",
                $"Too many requests for the {applied.Describe()}. Retry after {seconds} s.");
            return;
        }
        await next(context);
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using Integration.Api.Hosting;
using Integration.Api.OAuth;
using Microsoft.Extensions.Options;

namespace Integration.Api.RateLimiting;

/// <summary>
/// Token buckets (System.Threading.RateLimiting) per partner and environment, sized by tier. Every
/// answer carries the IETF <c>RateLimit-Policy</c> and <c>RateLimit</c> fields; an empty bucket
/// answers 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitMiddleware : IAsyncDisposable
{
    private readonly RequestDelegate _next;
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<RateLimitPolicy> _limiter;
    // A caller's policy never changes while its token lives, so it is built once per credential and tier.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string CredentialId, Core.Partners.PartnerTier? Tier), RateLimitPolicy> _callerPolicies = new();

    public RateLimitMiddleware(RequestDelegate next, IOptions<RateLimitOptions> options)
    {
        _next = next;
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<RateLimitPolicy, string>(policy =>
            RateLimitPartition.GetTokenBucketLimiter(policy.PartitionKey, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = policy.Burst,
                TokensPerPeriod = Math.Max(1, policy.PermitsPerSecond / 10),
                ReplenishmentPeriod = TimeSpan.FromMilliseconds(policy.PermitsPerSecond >= 10 ? 100 : 1000 / policy.PermitsPerSecond),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/docs")
            || context.Request.Path.StartsWithSegments("/swagger"))
        {
            await _next(context);
            return;
        }

        var policy = context.GetCaller() is { } caller
            ? _callerPolicies.GetOrAdd((caller.CredentialId, caller.Tier), _ => RateLimitPolicy.ForCaller(caller, _options))
            : RateLimitPolicy.ForAnonymous(context, _options);
        using var lease = _limiter.AttemptAcquire(policy);
        var remaining = _limiter.GetStatistics(policy)?.CurrentAvailablePermits ?? 0;
        var secondsToFull = (int)Math.Ceiling((policy.Burst - remaining) / (double)policy.PermitsPerSecond);
        var policyHeader = $"\"{policy.Name}\";q={policy.Burst};w={policy.WindowSeconds}";
        var remainingHeader = $"\"{policy.Name}\";r={remaining};t={secondsToFull}";
        // On start, so that error responses (whose headers are reset by error handling) carry them too.
        context.Response.OnStarting(static state =>
        {
            var (response, policyValue, remainingValue) = ((HttpResponse, string, string))state;
            response.Headers["RateLimit-Policy"] = policyValue;
            response.Headers["RateLimit"] = remainingValue;
            return Task.CompletedTask;
        }, (context.Response, policyHeader, remainingHeader));

        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited",
                $"Too many requests for the '{policy.Name}' limit ({policy.PermitsPerSecond}/s, bursts of {policy.Burst}). Retry after {seconds} s.");
            return;
        }
        await _next(context);
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}

public static class RateLimitSetup
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}

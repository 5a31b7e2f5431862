using Integration.Api.OAuth;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;

namespace Integration.Api.RateLimiting;

/// <summary>Which bucket a request draws from, and that bucket's size.</summary>
public sealed record RateLimitPolicy(string Name, string PartitionKey, int PermitsPerSecond, int Burst)
{
    /// <summary>Seconds for an empty bucket to fill again: the <c>w</c> of <c>RateLimit-Policy</c>.</summary>
    public int WindowSeconds => Math.Max(1, (int)Math.Ceiling(Burst / (double)PermitsPerSecond));

    /// <summary>Requests without a token (OAuth endpoints, discovery) share a bucket per client IP address.</summary>
    public static RateLimitPolicy ForAnonymous(HttpContext context, RateLimitOptions options) =>
        new("anonymous", "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            options.Anonymous.PermitsPerSecond, options.Anonymous.Burst);

    public static RateLimitPolicy ForCaller(Caller caller, RateLimitOptions options)
    {
        if (caller.Kind == CredentialKind.Internal)
        {
            return new("internal", "cred:" + caller.CredentialId, options.Internal.PermitsPerSecond, options.Internal.Burst);
        }
        var tier = caller.Tier ?? PartnerTier.Basic;
        var limit = tier switch
        {
            PartnerTier.Strategic => options.Strategic,
            PartnerTier.Advanced => options.Advanced,
            _ => options.Basic,
        };
        var environment = caller.Environment ?? ApiEnvironment.Live;
        var factor = environment == ApiEnvironment.Sandbox ? options.SandboxFactor : 1.0;
        var name = $"{SnakeCase.Of(environment)}-{SnakeCase.Of(tier)}";
        return new(name, $"ptn:{caller.PartnerId}:{name}",
            Math.Max(1, (int)(limit.PermitsPerSecond * factor)), Math.Max(1, (int)(limit.Burst * factor)));
    }
}

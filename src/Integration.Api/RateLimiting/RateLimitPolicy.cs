using System.Globalization;
using Integration.Api.OAuth;
using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;

namespace Integration.Api.RateLimiting;

/// <summary>Which bucket a request draws from, and that bucket's size.</summary>
public sealed record RateLimitPolicy(string Name, string PartitionKey, double PermitsPerSecond, int Burst)
{
    /// <summary>Seconds for an empty bucket to fill again: the <c>w</c> of <c>RateLimit-Policy</c>.</summary>
    public int WindowSeconds => Math.Max(1, (int)Math.Ceiling(Burst / PermitsPerSecond));

    /// <summary>The <c>RateLimit-Policy</c> field.</summary>
    public string Header => $"\"{Name}\";q={Burst};w={WindowSeconds}";

    public string Describe() =>
        $"'{Name}' limit ({PermitsPerSecond.ToString("0.##", CultureInfo.InvariantCulture)}/s, bursts of {Burst})";

    /// <summary>This instance's share while instances cannot share the budget.</summary>
    public RateLimitPolicy ShareOf(int instances) => instances <= 1
        ? this
        : this with { PermitsPerSecond = PermitsPerSecond / instances, Burst = Math.Max(1, Burst / instances) };

    /// <summary>Requests without a token (discovery, revocation, introspection) share a bucket per source address.</summary>
    public static RateLimitPolicy ForAnonymous(HttpContext context, RateLimitOptions options) =>
        new("anonymous", "ip:" + SourceAddress(context), options.Anonymous.PermitsPerSecond, options.Anonymous.Burst);

    /// <summary>Token requests from one source address, whatever client they name.</summary>
    public static RateLimitPolicy ForTokenAddress(HttpContext context, RateLimitOptions options) =>
        new("token-address", "token-ip:" + SourceAddress(context), options.Anonymous.PermitsPerSecond, options.Anonymous.Burst);

    /// <summary>Token requests naming one client id, from wherever they come.</summary>
    public static RateLimitPolicy ForTokenClient(string clientId, RateLimitOptions options) =>
        new("token-client", "token-client:" + clientId, options.Client.PermitsPerSecond, options.Client.Burst);

    /// <summary>Wrong secrets for one client id from one source address.</summary>
    public static RateLimitPolicy ForWrongSecrets(string clientId, HttpContext context, RateLimitOptions options) =>
        ForFailures("wrong-secrets", $"wrong-secret:{clientId}|{SourceAddress(context)}", options.WrongSecrets);

    /// <summary>Wrong secrets for one client id, from wherever they come.</summary>
    public static RateLimitPolicy ForWrongSecretsPerClient(string clientId, RateLimitOptions options) =>
        ForFailures("wrong-secrets-client", "wrong-secret:" + clientId, options.WrongSecretsPerClient);

    /// <summary>Public applications from one source address.</summary>
    public static RateLimitPolicy ForApplications(HttpContext context, RateLimitOptions options) =>
        ForFailures("applications", $"apply:{Onboarding.ApplicationKeyAttribute.SiteOf(context)}:{SourceAddress(context)}", options.Applications);

    private static RateLimitPolicy ForFailures(string name, string partitionKey, FailureAllowance allowance) =>
        new(name, partitionKey, allowance.Attempts / allowance.Per.TotalSeconds, allowance.Attempts);

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

    public static string SourceAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

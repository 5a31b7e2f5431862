namespace PartnerPlatform.Sdk;

/// <summary>How a <see cref="PartnerClient"/> connects.</summary>
public sealed class PartnerClientOptions
{
    /// <summary>The platform's address.</summary>
    public Uri BaseAddress { get; set; } = new("https://api.partners.example.com/");

    /// <summary>Where calls made in the sandbox go when a call says so (<see cref="RequestOptions.Environment"/>). Null (the default): <see cref="BaseAddress"/>.</summary>
    public Uri? SandboxBaseAddress { get; set; }

    /// <summary>Where calls made live go when a call says so (<see cref="RequestOptions.Environment"/>). Null (the default): <see cref="BaseAddress"/>.</summary>
    public Uri? LiveBaseAddress { get; set; }

    /// <summary>Your credential's client id.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Your credential's secret. Keep it out of source control.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// The environment you mean to work in. A credential of the other environment is refused before
    /// any request is sent, so sandbox code cannot touch live data by accident.
    /// </summary>
    public ApiEnvironment Environment { get; set; } = ApiEnvironment.Sandbox;

    /// <summary>Retries after the first attempt on network errors, 409 <c>idempotency_key_in_use</c>, 429 and 5xx. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter. Default 0.5 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one call may take in all, retries included. Default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Keeps this client inside a budget of your choosing before requests leave the process: every API
    /// request (each retry too; token requests not) waits for a permit of this limiter — for example a
    /// <c>System.Threading.RateLimiting.TokenBucketRateLimiter</c> a little under your platform rate
    /// limit. A request the limiter will not queue fails with <see cref="PartnerRateLimitedException"/>
    /// without being sent. Share one limiter between clients that share a credential. Null (the default): no limit.
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? RateLimiter { get; set; }

    /// <summary>Tokens are renewed this long before they expire. Default 60 s.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock used for token expiry (tests move it).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (Problem("PartnerClientOptions.") is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>What keeps these options from working, naming each setting as <paramref name="prefix"/> + its name; null when they work.</summary>
    internal string? Problem(string prefix)
    {
        if (string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrWhiteSpace(ClientSecret))
        {
            var missing = string.IsNullOrWhiteSpace(ClientId) ? "ClientId" : "ClientSecret";
            return $"{prefix}{missing} is missing: set ClientId and ClientSecret from your credential.";
        }
        if (CredentialMismatch(ClientId, Environment, $"{prefix}Environment") is { } mismatch)
        {
            return mismatch;
        }
        if (MaxRetries < 0 || Timeout <= TimeSpan.Zero)
        {
            return $"{prefix}MaxRetries must be 0 or more and {prefix}Timeout positive.";
        }
        return null;
    }

    /// <summary>Where a call made in <paramref name="environment"/> goes.</summary>
    internal Uri BaseAddressFor(ApiEnvironment environment) =>
        (environment == ApiEnvironment.Sandbox ? SandboxBaseAddress : environment == ApiEnvironment.Live ? LiveBaseAddress : null) ?? BaseAddress;

    /// <summary>Why <paramref name="clientId"/> cannot be used in <paramref name="environment"/> (set by <paramref name="setting"/>); null when it can.</summary>
    internal static string? CredentialMismatch(string clientId, ApiEnvironment environment, string setting)
    {
        if (!environment.IsKnown)
        {
            return $"{setting} '{environment.Value}' is not one of: {string.Join(", ", ApiEnvironment.KnownValues)}.";
        }
        var prefixOfId = environment == ApiEnvironment.Sandbox ? "sbx_" : "live_";
        return clientId.StartsWith(prefixOfId, StringComparison.Ordinal)
            ? null
            : $"The client id '{clientId}' is not a {environment} credential (those start with '{prefixOfId}'). Set {setting} to match the credential.";
    }
}

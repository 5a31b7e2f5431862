namespace PartnerPlatform.Sdk;

/// <summary>How a <see cref="PartnerClient"/> connects.</summary>
public sealed class PartnerClientOptions
{
    /// <summary>The platform's address.</summary>
    public Uri BaseAddress { get; set; } = new("https://api.partners.example.com/");

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
        if (!Environment.IsKnown)
        {
            return $"{prefix}Environment '{Environment.Value}' is not one of: {string.Join(", ", ApiEnvironment.KnownValues)}.";
        }
        var prefixOfId = Environment == ApiEnvironment.Sandbox ? "sbx_" : "live_";
        if (!ClientId.StartsWith(prefixOfId, StringComparison.Ordinal))
        {
            return $"The client id '{ClientId}' is not a {Environment} credential (those start with '{prefixOfId}'). Set {prefix}Environment to match the credential.";
        }
        if (MaxRetries < 0 || Timeout <= TimeSpan.Zero)
        {
            return $"{prefix}MaxRetries must be 0 or more and {prefix}Timeout positive.";
        }
        return null;
    }
}

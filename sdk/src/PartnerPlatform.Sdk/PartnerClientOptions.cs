namespace PartnerPlatform.Sdk;

/// <summary>Which of your two data worlds a credential belongs to.</summary>
public enum PartnerEnvironment
{
    /// <summary>Test data and a clock you can move; credentials start with <c>sbx_</c>.</summary>
    Sandbox,

    /// <summary>Real orders and money; credentials start with <c>live_</c>.</summary>
    Live,
}

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
    public PartnerEnvironment Environment { get; set; } = PartnerEnvironment.Sandbox;

    /// <summary>Retries after the first attempt on network errors, 409 <c>idempotency_key_in_use</c>, 429 and 5xx. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter. Default 0.5 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one call may take in all, retries included. Default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Tokens are renewed this long before they expire. Default 60 s.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock used for token expiry (tests move it).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw new ArgumentException("PartnerClientOptions needs ClientId and ClientSecret (from your credential).");
        }
        var prefix = Environment == PartnerEnvironment.Sandbox ? "sbx_" : "live_";
        if (!ClientId.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The client id '{ClientId}' is not a {Environment.ToString().ToLowerInvariant()} credential (those start with '{prefix}'). Set Environment to match the credential.");
        }
        if (MaxRetries < 0 || Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxRetries must be 0 or more and Timeout positive.");
        }
    }
}

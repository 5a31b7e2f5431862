namespace Integration.Api.RateLimiting;

/// <summary>Whether a request may pass, and the tokens left in its bucket afterwards.</summary>
public readonly record struct RateLimitDecision(bool Allowed, double TokensLeft)
{
    /// <summary>The <c>r</c> of the <c>RateLimit</c> field: whole requests left.</summary>
    public int Remaining => (int)Math.Floor(TokensLeft);

    /// <summary>The <c>t</c> of the <c>RateLimit</c> field: seconds until the bucket is full.</summary>
    public int SecondsToFull(RateLimitPolicy policy) =>
        (int)Math.Ceiling(Math.Max(0, policy.Burst - TokensLeft) / policy.PermitsPerSecond);

    /// <summary><c>Retry-After</c>: seconds until one whole token, at least 1.</summary>
    public int RetryAfterSeconds(RateLimitPolicy policy) =>
        Math.Max(1, (int)Math.Ceiling(Math.Max(0, 1 - TokensLeft) / policy.PermitsPerSecond));
}

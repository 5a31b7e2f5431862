namespace Integration.Api.RateLimiting;

/// <summary>
/// One bucket's state: tokens (fractional) at a moment in Unix milliseconds. Refill is exact: a
/// policy of 25/s adds 0.025 tokens per millisecond, never rounded to whole steps. The Redis script
/// (<see cref="RedisTokenBuckets"/>) applies the same arithmetic.
/// </summary>
public readonly record struct TokenBucket(double Tokens, long AtMilliseconds)
{
    public static TokenBucket Full(RateLimitPolicy policy, long nowMilliseconds) => new(policy.Burst, nowMilliseconds);

    /// <summary>Refills up to now, then takes one token if there is a whole one.</summary>
    public (TokenBucket Next, RateLimitDecision Decision) Take(RateLimitPolicy policy, long nowMilliseconds)
    {
        var (tokens, at) = Refilled(policy, nowMilliseconds);
        var allowed = tokens >= 1;
        if (allowed)
        {
            tokens -= 1;
        }
        return (new TokenBucket(tokens, at), new RateLimitDecision(allowed, tokens));
    }

    /// <summary>Whether a token could be taken now, taking none.</summary>
    public RateLimitDecision Peek(RateLimitPolicy policy, long nowMilliseconds)
    {
        var (tokens, _) = Refilled(policy, nowMilliseconds);
        return new RateLimitDecision(tokens >= 1, tokens);
    }

    private (double Tokens, long At) Refilled(RateLimitPolicy policy, long nowMilliseconds)
    {
        var tokens = Math.Min(policy.Burst, Tokens);
        return nowMilliseconds > AtMilliseconds
            ? (Math.Min(policy.Burst, tokens + (nowMilliseconds - AtMilliseconds) * policy.PermitsPerSecond / 1000.0), nowMilliseconds)
            : (tokens, AtMilliseconds);
    }
}

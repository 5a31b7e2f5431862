using System.ComponentModel.DataAnnotations;

namespace Integration.Api.RateLimiting;

public sealed class TierLimit
{
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; }

    [Range(1, 1_000_000)]
    public int Burst { get; set; }
}

/// <summary>Per partner and environment, sized by tier; sandbox gets a fraction of live.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public TierLimit Basic { get; set; } = new() { PermitsPerSecond = 25, Burst = 50 };
    public TierLimit Advanced { get; set; } = new() { PermitsPerSecond = 50, Burst = 100 };
    public TierLimit Strategic { get; set; } = new() { PermitsPerSecond = 100, Burst = 200 };

    /// <summary>Internal credentials (admin API).</summary>
    public TierLimit Internal { get; set; } = new() { PermitsPerSecond = 50, Burst = 100 };

    /// <summary>Requests without a token (OAuth endpoints, discovery), per client IP address.</summary>
    public TierLimit Anonymous { get; set; } = new() { PermitsPerSecond = 20, Burst = 40 };

    /// <summary>Token requests per client id (per source address they are limited by <see cref="Anonymous"/>).</summary>
    public TierLimit Client { get; set; } = new() { PermitsPerSecond = 10, Burst = 20 };

    /// <summary>Wrong secrets per client id and source address before that pair is slowed down (checked before the secret).</summary>
    public FailureAllowance WrongSecrets { get; set; } = new() { Attempts = 5, Per = TimeSpan.FromMinutes(15) };

    /// <summary>Wrong secrets per client id from all addresses together; higher, so that one guesser cannot lock a partner out.</summary>
    public FailureAllowance WrongSecretsPerClient { get; set; } = new() { Attempts = 50, Per = TimeSpan.FromMinutes(15) };

    /// <summary>Public partner applications per source address (the endpoint takes no credential and sends an e-mail each).</summary>
    public FailureAllowance Applications { get; set; } = new() { Attempts = 5, Per = TimeSpan.FromHours(1) };

    /// <summary>Buckets one instance keeps in memory (per-instance limits, and the fallback while Redis is unreachable).</summary>
    [Range(100, 10_000_000)]
    public int MaxLocalBuckets { get; set; } = 100_000;

    /// <summary>How long a request waits for the shared bucket in Redis before it falls back to this instance's share.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(0.01, 1.0)]
    public double SandboxFactor { get; set; } = 0.4;
}

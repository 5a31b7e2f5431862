using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Cluster;

/// <summary>
/// Redis, when configured, is where instances share rate-limit budgets, cache invalidations,
/// wake-ups and the gateway circuit's state. It is never the system of record: without it (or while
/// it is down) every instance keeps serving on its own limits and database reads.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string (e.g. <c>127.0.0.1:6379</c>); empty: no Redis, one instance's state.</summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// How many instances share the budgets. While Redis is unreachable each instance limits
    /// callers to its share (tier budget ÷ this), so the whole stays near the budget.
    /// </summary>
    [Range(1, 1000)]
    public int ExpectedInstances { get; set; } = 2;

    /// <summary>Prefix of every key and channel, so several platforms can share one Redis.</summary>
    [RegularExpression("^[a-z0-9:_-]{1,40}$")]
    public string KeyPrefix { get; set; } = "integration:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}

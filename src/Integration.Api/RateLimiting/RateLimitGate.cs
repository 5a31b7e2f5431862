using System.Diagnostics.Metrics;
using Integration.Application.Cluster;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Integration.Api.RateLimiting;

/// <summary>
/// Decides every rate-limited request. With Redis configured and answering, a policy's budget is one
/// bucket shared by all instances; without Redis, one bucket per instance. While a configured Redis
/// is unreachable or slower than <see cref="RateLimitOptions.RedisTimeout"/>, each instance applies
/// its share (budget ÷ <c>Redis:ExpectedInstances</c>) so that the whole stays near the budget,
/// and tries Redis again a second later. Each switch is logged and counted once.
/// </summary>
public sealed class RateLimitGate
{
    private static readonly TimeSpan RetryRedisAfter = TimeSpan.FromSeconds(1);

    private readonly RedisConnection _redis;
    private readonly RedisTokenBuckets _shared;
    private readonly LocalTokenBuckets _local;
    private readonly TimeSpan _timeout;
    private readonly ILogger<RateLimitGate> _logger;
    private readonly Counter<long> _fallbacks;
    private long _retryRedisAt;
    private int _mode = -1; // -1 not decided yet, 0 per-instance share, 1 shared

    public RateLimitGate(RedisConnection redis, RedisTokenBuckets shared, LocalTokenBuckets local,
        IOptions<RateLimitOptions> options, ILogger<RateLimitGate> logger, IMeterFactory meters)
    {
        _redis = redis;
        _shared = shared;
        _local = local;
        _timeout = options.Value.RedisTimeout;
        _logger = logger;
        var meter = meters.Create("Integration.Api.RateLimiting");
        meter.CreateObservableGauge("integration.rate_limits.shared", () => Volatile.Read(ref _mode) == 1 ? 1 : 0,
            description: "1 while rate-limit budgets are shared through Redis, 0 while this instance applies its share");
        _fallbacks = meter.CreateCounter<long>("integration.rate_limits.fallbacks",
            description: "Switches from shared budgets to this instance's share (Redis unreachable or slow)");
    }

    /// <summary>Takes one request from the policy's budget; returns the policy actually applied (for the headers).</summary>
    public ValueTask<(RateLimitPolicy Applied, RateLimitDecision Decision)> TakeAsync(RateLimitPolicy policy) =>
        DecideAsync(policy, take: true);

    /// <summary>Whether the policy's budget has room for one request, taking nothing (allowances of failures).</summary>
    public ValueTask<(RateLimitPolicy Applied, RateLimitDecision Decision)> PeekAsync(RateLimitPolicy policy) =>
        DecideAsync(policy, take: false);

    private async ValueTask<(RateLimitPolicy Applied, RateLimitDecision Decision)> DecideAsync(RateLimitPolicy policy, bool take)
    {
        if (!_redis.IsConfigured)
        {
            return (policy, take ? _local.Take(policy) : _local.Peek(policy));
        }
        if (Environment.TickCount64 >= Volatile.Read(ref _retryRedisAt))
        {
            if (_redis.Database is { } database)
            {
                var taking = take ? _shared.TakeAsync(database, policy) : _shared.PeekAsync(database, policy);
                try
                {
                    var decision = await taking.WaitAsync(_timeout);
                    Report(shared: true, null);
                    return (policy, decision);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    _ = taking.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted); // observed, if it fails later
                    Volatile.Write(ref _retryRedisAt, Environment.TickCount64 + (long)RetryRedisAfter.TotalMilliseconds);
                    Report(shared: false, e.Message);
                }
            }
            else
            {
                Report(shared: false, "not connected");
            }
        }
        var share = policy.ShareOf(_redis.Options.ExpectedInstances);
        return (share, take ? _local.Take(share) : _local.Peek(share));
    }

    private void Report(bool shared, string? why)
    {
        if (Interlocked.Exchange(ref _mode, shared ? 1 : 0) == (shared ? 1 : 0))
        {
            return;
        }
        if (shared)
        {
            _logger.LogInformation("Rate limits are shared through Redis: one budget per partner across all instances");
            return;
        }
        _fallbacks.Add(1);
        _logger.LogWarning("Rate limits fell back to this instance's share (budget ÷ {Instances}): Redis {Reason}",
            _redis.Options.ExpectedInstances, why);
    }
}

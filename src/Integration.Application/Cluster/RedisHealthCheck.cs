using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Application.Cluster;

/// <summary>Redis down is "degraded", not "unhealthy": the instance still serves (on per-instance state).</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("not configured: one instance's state");
        }
        await redis.ConnectedAsync;
        if (redis.Database is not { } database)
        {
            return HealthCheckResult.Degraded("unreachable: per-instance rate limits and database reads");
        }
        try
        {
            var latency = await database.PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("unreachable: per-instance rate limits and database reads", e);
        }
    }
}

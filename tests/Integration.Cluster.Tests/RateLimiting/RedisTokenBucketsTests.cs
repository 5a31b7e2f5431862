using Integration.Api.RateLimiting;
using Integration.Application.Cluster;
using Integration.Cluster.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Integration.Cluster.Tests.RateLimiting;

/// <summary>One instance on a shared bucket: whatever the timing of its requests, the tokens it reserves are spent, never lost.</summary>
public sealed class RedisTokenBucketsTests
{
    // Nothing refills while the test runs, so every granted request is one of the burst's 60 tokens.
    private static readonly RateLimitPolicy Policy = new("sandbox-basic", "partner:reserve-test", 0.0001, 60);

    [ClusterFact]
    public async Task Requests_queued_behind_a_run_that_reserves_tokens_do_not_throw_that_reserve_away()
    {
        await using var redis = await OwnRedisServer.StartAsync();
        await using var connection = new RedisConnection(
            Options.Create(new RedisOptions { Configuration = redis.Configuration }), NullLogger<RedisConnection>.Instance);
        var database = (await connection.ConnectedAsync)!.GetDatabase();
        using var buckets = new RedisTokenBuckets(connection);

        // The first request starts a run that takes a reserve for this instance; the next two arrive while that run
        // is at Redis, so they wait for the following run, which takes a reserve of its own.
        var first = buckets.TakeAsync(database, Policy);
        var queued = new[] { buckets.TakeAsync(database, Policy), buckets.TakeAsync(database, Policy) };
        var granted = (await first).Allowed ? 1 : 0;
        granted += (await Task.WhenAll(queued)).Count(d => d.Allowed);
        while ((await buckets.TakeAsync(database, Policy)).Allowed)
        {
            granted++;
        }

        Assert.Equal(60, granted);
    }
}

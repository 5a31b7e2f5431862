using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Cluster.Tests.Infrastructure;

namespace Integration.Cluster.Tests.RateLimiting;

/// <summary>
/// A basic partner may make bursts of 60 at 1/s (sandbox factor 1). Through Redis that is one budget
/// for both instances; without Redis each instance allows its share, 60 ÷ 2.
/// </summary>
public sealed class SharedRateLimitTests
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["RateLimits:Basic:PermitsPerSecond"] = "1",
        ["RateLimits:Basic:Burst"] = "60",
        // A loaded test machine can take longer than the 250 ms default to answer; this is not a test of that timeout.
        ["RateLimits:RedisTimeout"] = "00:00:02",
    };

    [ClusterFact]
    public async Task A_burst_split_across_both_instances_gets_one_budget()
    {
        // A loaded CI machine (2 cores, suites in parallel) has taken longer than 2 s to answer 120 concurrent
        // takes; past the timeout an instance applies its share, which this test does not look at.
        await using var cluster = await TwoInstances.StartAsync(new Dictionary<string, string?>(Limits) { ["RateLimits:RedisTimeout"] = "00:00:05" });
        var partner = await cluster.A.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(tier: "basic"));
        var onA = partner.Client;
        var onB = cluster.B.ClientWithToken(partner.AccessToken);

        var started = DateTime.UtcNow;
        var answers = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => (i % 2 == 0 ? onA : onB).GetAsync("/v1/partners/me")));
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        var ok = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        // Every answer came from the shared budget (an instance's share would say q=30) ...
        Assert.All(answers, a => Assert.Equal("\"sandbox-basic\";q=60;w=60", a.Headers.GetValues("RateLimit-Policy").Single()));
        // ... so one budget ±10%, plus what refilled at 1/s while the burst ran (two budgets would be 120).
        Assert.InRange(ok, 54, 66 + (int)Math.Ceiling(seconds));
    }

    [ClusterFact]
    public async Task With_Redis_stopped_under_load_the_api_serves_on_each_instances_share_and_shares_one_budget_again_when_it_returns()
    {
        await using var redis = await OwnRedisServer.StartAsync();
        var settings = new Dictionary<string, string?>(Limits)
        {
            ["RateLimits:Strategic:PermitsPerSecond"] = "100000",
            ["RateLimits:Strategic:Burst"] = "100000",
        };
        await using var cluster = await TwoInstances.StartAsync(settings, redis: redis);
        var partner = await cluster.A.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(tier: "basic"));
        var busy = await cluster.A.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(tier: "strategic"));
        using var stopLoad = new CancellationTokenSource();
        var load = LoadAsync([busy.Client, cluster.B.ClientWithToken(busy.AccessToken)], stopLoad.Token);

        await redis.StopAsync();
        await Eventually.TrueAsync(async () => await RedisCheckAsync(cluster.A) == "degraded" && await RedisCheckAsync(cluster.B) == "degraded");
        var alone = await BurstAsync(partner.Client, 60);
        Assert.Equal(30, alone.Ok); // A's share; the test clock stands still, so nothing refills
        Assert.Equal("\"sandbox-basic\";q=30;w=60", alone.Policy);
        Assert.Equal(HttpStatusCode.OK, (await cluster.B.ClientWithToken(partner.AccessToken).GetAsync("/v1/partners/me")).StatusCode);

        await redis.StartAgainAsync();
        await Eventually.TrueAsync(async () => await RedisCheckAsync(cluster.A) == "healthy");
        await Eventually.TrueAsync(async () =>
            (await partner.Client.GetAsync("/v1/partners/me")).Headers.GetValues("RateLimit-Policy").Single() == "\"sandbox-basic\";q=60;w=60",
            what: "the shared budget again");
        var shared = await BurstAsync(partner.Client, 90);
        Assert.InRange(shared.Ok, 50, 66); // the new Redis's full bucket, less the probe above, ±10%

        stopLoad.Cancel();
        var loadStatuses = await load;
        Assert.NotEmpty(loadStatuses);
        Assert.All(loadStatuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    private static async Task<(int Ok, string Policy)> BurstAsync(HttpClient client, int requests)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => client.GetAsync("/v1/partners/me")));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        return (answers.Count(a => a.StatusCode == HttpStatusCode.OK), answers[^1].Headers.GetValues("RateLimit-Policy").Single());
    }

    private static async Task<List<HttpStatusCode>> LoadAsync(HttpClient[] clients, CancellationToken stop)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            statuses.Add((await clients[i % clients.Length].GetAsync("/v1/partners/me", CancellationToken.None)).StatusCode);
        }
        return statuses;
    }

    private static async Task<string?> RedisCheckAsync(ClusterNode node)
    {
        var body = await (await node.CreateClient().GetAsync("/health/ready")).Content.ReadFromJsonAsync<JsonNode>();
        return body!["checks"]!["redis"]!.GetValue<string>();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Cluster.Tests.Infrastructure;

namespace Integration.Cluster.Tests.Hosting;

public sealed class RedisOutageTests
{
    [ClusterFact]
    public async Task Readiness_shows_redis_degraded_while_it_is_down_the_api_keeps_serving_and_it_recovers_by_itself()
    {
        await using var redis = await OwnRedisServer.StartAsync();
        await using var cluster = await TwoInstances.StartAsync(redis: redis);
        var client = cluster.A.CreateClient();
        Assert.Equal("healthy", await RedisCheckAsync(client));

        await redis.StopAsync();
        await Eventually.TrueAsync(async () => await RedisCheckAsync(client) == "degraded");
        var partner = await cluster.A.NewPartnerSessionAsync();
        Assert.Equal(HttpStatusCode.OK, (await partner.Client.GetAsync("/v2/partners/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cluster.B.ClientWithToken(partner.AccessToken).GetAsync("/v2/partners/me")).StatusCode);

        await redis.StartAgainAsync();
        await Eventually.TrueAsync(async () => await RedisCheckAsync(client) == "healthy");
    }

    private static async Task<string?> RedisCheckAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        return body!["checks"]!["redis"]!.GetValue<string>();
    }
}

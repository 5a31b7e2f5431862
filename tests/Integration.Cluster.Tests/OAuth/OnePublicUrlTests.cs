using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Cluster.Tests.Infrastructure;

namespace Integration.Cluster.Tests.OAuth;

public sealed class OnePublicUrlTests
{
    [ClusterFact]
    public async Task Tokens_issued_through_the_load_balancer_validate_on_every_instance_and_name_the_configured_issuer()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        using var database = new TestDatabase(postgres.AdminConnection);
        var settings = InstanceProcess.ClusterSettings(database, redis, "u" + Guid.NewGuid().ToString("N")[..8] + ":");
        var (adminId, adminSecret) = await InstanceProcess.MigrateAndBootstrapAsync(settings);
        await using var a = await InstanceProcess.StartAsync(settings);
        await using var b = await InstanceProcess.StartAsync(settings);
        await using var proxy = await ProxyProcess.StartAsync(ServerTools.FreePort(), a, b);
        using var client = new HttpClient { BaseAddress = proxy.BaseAddress };

        var discovery = JsonNode.Parse(await client.GetStringAsync(".well-known/openid-configuration"))!;
        Assert.Equal(settings["OAuth__Issuer"], discovery["issuer"]!.GetValue<string>());

        // Round robin: the token comes from one instance, the calls go to both.
        for (var i = 0; i < 4; i++)
        {
            var token = JsonNode.Parse(await (await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = adminId,
                ["client_secret"] = adminSecret,
            }))).Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
            for (var call = 0; call < 2; call++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "admin/v1/partners");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"token {i}, call {call}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.RequestLog;

public sealed class RequestLogTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    private static async Task<JsonArray> LogAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/v2/request-log" + query);
        return (await response.ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
    }

    [Fact]
    public async Task Every_call_shows_how_it_ended_newest_first()
    {
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v2/orders")
        {
            Content = JsonContent.Create(new { reference = "RL-1", lines = new[] { new { sku, quantity = 1 } } }),
        };
        create.Headers.Add("Idempotency-Key", "rl-key-1");
        create.Headers.UserAgent.ParseAdd("PartnerPlatform.Sdk/1.0.0 (.NET 10.0.0; Linux)");
        var created = await session.Client.SendAsync(create);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var missing = await session.Client.GetAsync("/v2/orders/ord_doesnotexist");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var log = await LogAsync(session.Client, "?path=/v2/orders");

        Assert.Equal(["/v2/orders/ord_doesnotexist", "/v2/orders"], log.Select(e => e!["path"]!.GetValue<string>()));
        var notFound = log[0]!;
        Assert.Equal("GET", notFound["method"]!.GetValue<string>());
        Assert.Equal(404, notFound["status"]!.GetValue<int>());
        var problemCode = (await missing.ReadProblemAsync(HttpStatusCode.NotFound))["code"]!.GetValue<string>();
        Assert.Equal(problemCode, notFound["problemCode"]!.GetValue<string>());
        Assert.Equal(missing.Headers.GetValues("X-Request-Id").Single(), notFound["requestId"]!.GetValue<string>());
        var order = log[1]!;
        Assert.Equal("POST", order["method"]!.GetValue<string>());
        Assert.Equal((int)created.StatusCode, order["status"]!.GetValue<int>());
        Assert.Equal("rl-key-1", order["idempotencyKey"]!.GetValue<string>());
        Assert.Equal("PartnerPlatform.Sdk/1.0.0 (.NET 10.0.0; Linux)", order["userAgent"]!.GetValue<string>());
        Assert.Equal(session.Credential.ClientId, order["clientId"]!.GetValue<string>());
        Assert.Null(order["problemCode"]);
        Assert.True(order["latencyMs"]!.GetValue<int>() >= 0);

        var one = await (await session.Client.GetAsync($"/v2/request-log/{order["id"]!.GetValue<string>()}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(order.ToJsonString(), one.ToJsonString());
    }

    [Fact]
    public async Task The_log_narrows_by_status_path_time_and_credential()
    {
        var session = await platform.NewPartnerSessionAsync();
        var second = await platform.IssueCredentialAsync(session.PartnerId);
        var secondClient = platform.ClientWithToken(await platform.TokenAsync(second.ClientId, second.Secret));
        await session.Client.GetAsync("/v2/orders");
        await session.Client.GetAsync("/v2/orders/ord_nope");
        await session.Client.PostAsJsonAsync("/v2/orders", new { });
        await secondClient.GetAsync("/v2/events");
        var since = platform.Clock.GetUtcNow();
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        await secondClient.GetAsync("/v2/orders/ord_later");

        Assert.Equal([404, 404], (await LogAsync(session.Client, "?status=404")).Select(e => e!["status"]!.GetValue<int>()));
        Assert.Equal(3, (await LogAsync(session.Client, "?status=4xx")).Count);
        Assert.All(await LogAsync(session.Client, "?path=/v2/orders"), e => Assert.StartsWith("/v2/orders", e!["path"]!.GetValue<string>()));
        Assert.Equal(["/v2/orders/ord_later", "/v2/events"],
            (await LogAsync(session.Client, $"?clientId={second.ClientId}")).Select(e => e!["path"]!.GetValue<string>()));
        Assert.Equal(["/v2/orders/ord_later"],
            (await LogAsync(session.Client, $"?since={Uri.EscapeDataString(since.AddMinutes(1).ToString("O"))}&path=/v2/orders")).Select(e => e!["path"]!.GetValue<string>()));
        Assert.DoesNotContain("/v2/orders/ord_later",
            (await LogAsync(session.Client, $"?until={Uri.EscapeDataString(since.AddMinutes(1).ToString("O"))}")).Select(e => e!["path"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Pages_run_newest_first_without_gaps()
    {
        var session = await platform.NewPartnerSessionAsync();
        for (var i = 0; i < 7; i++)
        {
            await session.Client.GetAsync($"/v2/orders/ord_page{i}");
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await session.Client.GetAsync("/v2/request-log?limit=3&path=/v2/orders/ord_page" + (cursor is null ? "" : "&cursor=" + cursor))).ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page["data"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"/v2/orders/ord_page{i}"), seen);
    }

    [Fact]
    public async Task A_partner_sees_only_its_own_calls_in_its_own_environment()
    {
        var owner = await platform.NewPartnerSessionAsync();
        await owner.Client.GetAsync("/v2/orders/ord_private");
        var stranger = await platform.NewPartnerSessionAsync();
        var live = await platform.IssueCredentialAsync(owner.PartnerId, "live");
        var ownerLive = platform.ClientWithToken(await platform.TokenAsync(live.ClientId, live.Secret));
        var entry = (await LogAsync(owner.Client))[0]!["id"]!.GetValue<string>();

        Assert.Empty(await LogAsync(stranger.Client));
        Assert.Empty(await LogAsync(ownerLive));
        await (await stranger.Client.GetAsync($"/v2/request-log/{entry}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("?status=4x", "status")]
    [InlineData("?status=600", "status")]
    [InlineData("?path=v2/orders", "path")]
    [InlineData("?since=yesterday", "since")]
    [InlineData("?since=2026-12-07T10:00:00Z&until=2026-12-07T09:00:00Z", "until")]
    [InlineData("?limit=101", "limit")]
    public async Task Bad_queries_are_refused_naming_the_parameter(string query, string field)
    {
        var session = await platform.NewPartnerSessionAsync();
        var problem = await (await session.Client.GetAsync("/v2/request-log" + query)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Internal_teams_see_which_SDK_versions_partners_call_with()
    {
        await using var isolated = new PlatformFactory();
        await isolated.InitializeAsync();
        foreach (var agent in new[] { "PartnerPlatform.Sdk/0.2.0 (.NET 8.0.11; Windows)", "PartnerPlatform.Sdk/0.2.0 (.NET 10.0.0; Linux)", "PartnerPlatform.Sdk/1.0.0 (.NET 10.0.0; Linux)" })
        {
            var session = await isolated.NewPartnerSessionAsync();
            session.Client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
            await session.Client.GetAsync("/v2/orders");
            await session.Client.GetAsync("/v2/orders");
        }
        var admin = await isolated.AdminClientAsync();

        var clients = (await (await admin.GetAsync("/admin/v1/request-log/clients")).ReadJsonAsync(HttpStatusCode.OK)).AsArray();

        var old = clients.Single(c => c!["client"]!.GetValue<string>() == "PartnerPlatform.Sdk/0.2.0")!;
        Assert.Equal(2, old["partners"]!.GetValue<int>());
        Assert.Equal(4, old["requests"]!.GetValue<long>());
        Assert.Equal(1, clients.Single(c => c!["client"]!.GetValue<string>() == "PartnerPlatform.Sdk/1.0.0")!["partners"]!.GetValue<int>());
    }

    [Fact]
    public async Task Calls_are_kept_thirty_days()
    {
        await using var isolated = new PlatformFactory();
        await isolated.InitializeAsync();
        var session = await isolated.NewPartnerSessionAsync();
        await session.Client.GetAsync("/v2/orders/ord_old");
        var retention = isolated.Services.GetRequiredService<Integration.Application.Events.EventRetention>();

        isolated.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        await retention.PruneAsync(CancellationToken.None);
        var early = isolated.ClientWithToken(await isolated.TokenAsync(session.Credential.ClientId, session.Credential.Secret));
        Assert.Contains("/v2/orders/ord_old", (await LogAsync(early)).Select(e => e!["path"]!.GetValue<string>()));
        isolated.Clock.Advance(TimeSpan.FromMinutes(2));
        await retention.PruneAsync(CancellationToken.None); // as the hourly job does

        var client = isolated.ClientWithToken(await isolated.TokenAsync(session.Credential.ClientId, session.Credential.Secret));
        Assert.DoesNotContain("/v2/orders/ord_old", (await LogAsync(client)).Select(e => e!["path"]!.GetValue<string>()));
    }
}

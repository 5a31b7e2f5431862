using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Webhooks;

public sealed class WebhookSubscriptionTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task ASubscription_CanBeCreatedReadChangedListedAndDeleted()
    {
        var session = await platform.NewPartnerSessionAsync();
        var created = await session.Client.PostAsJsonAsync("/v1/webhooks",
            new { url = "http://localhost:9/a", eventTypes = new[] { "order.created" }, description = "ERP bridge" });
        var body = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = body["webhook"]!["id"]!.GetValue<string>();
        Assert.EndsWith($"/v1/webhooks/{id}", created.Headers.Location!.ToString());
        Assert.Equal("enabled", body["webhook"]!["status"]!.GetValue<string>());
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", body["secret"]!.GetValue<string>());

        var changed = await (await session.Client.PatchAsJsonAsync($"/v1/webhooks/{id}",
            new { url = "http://localhost:9/b", eventTypes = new[] { "order.created", "order.status_changed" } })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("http://localhost:9/b", changed["url"]!.GetValue<string>());
        Assert.Equal(2, changed["eventTypes"]!.AsArray().Count);
        Assert.Equal("ERP bridge", changed["description"]!.GetValue<string>());
        Assert.Null(changed["secret"]); // the secret is never shown again

        var paused = await (await session.Client.PatchAsJsonAsync($"/v1/webhooks/{id}", new { status = "disabled" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("disabled", paused["status"]!.GetValue<string>());

        var listed = (await (await session.Client.GetAsync("/v1/webhooks")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(id, Assert.Single(listed)!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"/v2/webhooks/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await session.Client.DeleteAsync($"/v1/webhooks/{id}")).StatusCode);
        await (await session.Client.GetAsync($"/v1/webhooks/{id}")).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task CreatingWithAnIdempotencyKey_ReplaysTheSameSecret_WithoutStoringItInClear()
    {
        var session = await platform.NewPartnerSessionAsync();
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Create()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks")
            {
                Content = JsonContent.Create(new { url = "http://localhost:9/a", eventTypes = new[] { "order.created" } }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await session.Client.SendAsync(request);
        }

        var first = await (await Create()).ReadJsonAsync(HttpStatusCode.Created);
        var again = await Create();
        var replayed = await again.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first["secret"]!.GetValue<string>(), replayed["secret"]!.GetValue<string>());
        Assert.Single((await (await session.Client.GetAsync("/v1/webhooks")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        var stored = await platform.WithDbAsync(db => db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.Key == key).Select(r => r.ResponseBody).SingleAsync());
        Assert.DoesNotContain(first["secret"]!.GetValue<string>(), stored);
    }

    [Theory]
    [InlineData("{\"url\":\"http://localhost:9/a\",\"eventTypes\":[\"order.exploded\"]}", "eventTypes")]
    [InlineData("{\"url\":\"http://localhost:9/a\",\"eventTypes\":[]}", "eventTypes")]
    [InlineData("{\"eventTypes\":[\"order.created\"]}", "body")]
    [InlineData("{\"url\":\"ftp://localhost/a\",\"eventTypes\":[\"order.created\"]}", "url")]
    [InlineData("{\"url\":\"/relative\",\"eventTypes\":[\"order.created\"]}", "url")]
    [InlineData("{\"url\":\"http://user:pw@localhost:9/a\",\"eventTypes\":[\"order.created\"]}", "url")]
    [InlineData("{\"url\":\"http://localhost:9/a\",\"eventTypes\":[\"order.created\"],\"secret\":\"mine\"}", "secret")]
    [InlineData("{\"url\":42,\"eventTypes\":[\"order.created\"]}", "url")]
    public async Task BadSubscriptions_AreRefusedNamingTheField(string json, string field)
    {
        var session = await platform.NewPartnerSessionAsync();
        var response = await session.Client.PostAsync("/v1/webhooks", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase) || e.Key.StartsWith(field, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    [InlineData("{\"fromSequence\":1,\"since\":\"2026-01-01T00:00:00Z\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"fromSequence\":0}", HttpStatusCode.BadRequest)]
    [InlineData("{\"fromSequence\":\"abc\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"fromSequence\":999999}", HttpStatusCode.UnprocessableEntity)]
    // Found by the contract fuzz suite: a date-time is RFC 3339, so a date alone or a time without its offset is not guessed at.
    [InlineData("{\"since\":\"0001-01-01\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"since\":\"2026-01-01T00:00:00\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"since\":\"0001-01-01T00:00:00+14:00\"}", HttpStatusCode.BadRequest)]
    public async Task MalformedReplays_AreRefused(string json, HttpStatusCode expected)
    {
        var session = await platform.NewPartnerSessionAsync();
        var (id, _) = await session.SubscribeAsync("http://localhost:9/a");
        var response = await session.Client.PostAsync($"/v1/webhooks/{id}/replay", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.ReadProblemAsync(expected);
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z")]
    [InlineData("2026-01-01T08:00:00.123+08:00")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    public async Task ReplaySince_TakesAnRfc3339DateTime(string since)
    {
        var session = await platform.NewPartnerSessionAsync();
        var (id, _) = await session.SubscribeAsync("http://localhost:9/a");

        var response = await session.Client.PostAsync($"/v1/webhooks/{id}/replay", new StringContent($$"""{"since":"{{since}}"}""", System.Text.Encoding.UTF8, "application/json"));

        await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ABadDeliveryLogCursorOrLimit_IsRefused()
    {
        var session = await platform.NewPartnerSessionAsync();
        var (id, _) = await session.SubscribeAsync("http://localhost:9/a");
        await (await session.Client.GetAsync($"/v1/webhooks/{id}/deliveries?cursor=not-a-cursor")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await session.Client.GetAsync($"/v1/webhooks/{id}/deliveries?limit=101")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnotherPartnersOrEnvironmentsSubscription_Is404OnEveryEndpoint()
    {
        var owner = await platform.NewPartnerSessionAsync();
        var (id, _) = await owner.SubscribeAsync("http://localhost:9/a");
        var stranger = await platform.NewPartnerSessionAsync();
        var live = await platform.IssueCredentialAsync(owner.PartnerId, "live");
        var ownerLive = platform.ClientWithToken(await platform.TokenAsync(live.ClientId, live.Secret));

        foreach (var client in new[] { stranger.Client, ownerLive })
        {
            await (await client.GetAsync($"/v1/webhooks/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await client.PatchAsJsonAsync($"/v1/webhooks/{id}", new { description = "mine now" })).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsJsonAsync($"/v1/webhooks/{id}/rotate-secret", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsJsonAsync($"/v1/webhooks/{id}/replay", new { fromSequence = 1 })).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsync($"/v1/webhooks/{id}/test", null)).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/v1/webhooks/{id}/deliveries")).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await client.DeleteAsync($"/v1/webhooks/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
            Assert.Empty((await (await client.GetAsync("/v1/webhooks")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        }
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/v1/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task ManagingWebhooks_NeedsTheWebhooksScope()
    {
        var session = await platform.NewPartnerSessionAsync(scopes: ["orders:read"]);
        await (await session.Client.GetAsync("/v1/webhooks")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await session.Client.GetAsync("/v1/events")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}

using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Webhooks;

public sealed class EventLogTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Events_PageInSequenceOrder_AndFilterByType()
    {
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();
        var orderIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();
            (await platform.AdminMoveAsync(id, "confirm")).EnsureSuccessStatusCode();
            orderIds.Add(id);
        }

        var seen = new List<(long Sequence, string Type, string OrderId)>();
        string? cursor = null;
        do
        {
            var response = await session.Client.GetAsync("/v1/events?limit=4" + (cursor is null ? "" : "&cursor=" + cursor));
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page["data"]!.AsArray().Select(e => (e!["sequence"]!.GetValue<long>(), e["type"]!.GetValue<string>(), e["data"]!["orderId"]!.GetValue<string>())));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal([1L, 2, 3, 4, 5, 6], seen.Select(s => s.Sequence));
        Assert.Equal(orderIds.SelectMany(id => new[] { ("order.created", id), ("order.status_changed", id) }), seen.Select(s => (s.Type, s.OrderId)));

        var created = (await (await session.Client.GetAsync("/v2/events?types=order.created")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal([1L, 3, 5], created.Select(e => e!["sequence"]!.GetValue<long>()));
    }

    [Fact]
    public async Task ConcurrentChanges_GetGaplessSequenceNumbers()
    {
        var sku = await platform.CommerceReadyAsync();
        var session = await platform.NewPartnerSessionAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => session.PlaceOrderAsync((sku, 1))));

        var events = (await (await session.Client.GetAsync("/v1/events?limit=100")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), events.Select(e => e!["sequence"]!.GetValue<long>()));
    }

    [Fact]
    public async Task APartnerSeesOnlyItsOwnEvents_InItsOwnEnvironment()
    {
        var sku = await platform.CommerceReadyAsync();
        var owner = await platform.NewPartnerSessionAsync();
        await owner.PlaceOrderAsync((sku, 1));
        var stranger = await platform.NewPartnerSessionAsync();
        var live = await platform.IssueCredentialAsync(owner.PartnerId, "live");
        var ownerLive = platform.ClientWithToken(await platform.TokenAsync(live.ClientId, live.Secret));

        Assert.Empty((await (await stranger.Client.GetAsync("/v1/events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        Assert.Empty((await (await ownerLive.GetAsync("/v1/events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        Assert.Single((await (await owner.Client.GetAsync("/v1/events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task RotatingOrRevokingACredential_IsAnEventForItsPartner()
    {
        var session = await platform.NewPartnerSessionAsync();
        var other = await platform.IssueCredentialAsync(session.PartnerId);
        var admin = await platform.AdminClientAsync();

        (await admin.PostAsJsonAsync($"/admin/v1/credentials/{other.Id}/rotate", new { })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/admin/v1/credentials/{other.Id}/revoke", null)).EnsureSuccessStatusCode();

        var events = (await (await session.Client.GetAsync("/v1/events?types=credential.expiring,credential.revoked")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(["credential.expiring", "credential.revoked"], events.Select(e => e!["type"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(other.ClientId, e!["data"]!["clientId"]!.GetValue<string>()));
        Assert.NotNull(events[0]!["data"]!["previousSecretExpiresAt"]);
    }

    [Fact]
    public async Task Events_AreKeptThirtyDays()
    {
        await using var isolated = new PlatformFactory();
        await isolated.InitializeAsync();
        var sku = await isolated.CommerceReadyAsync();
        var session = await isolated.NewPartnerSessionAsync();
        await session.PlaceOrderAsync((sku, 1));
        var retention = isolated.Services.GetRequiredService<Integration.Application.Events.EventRetention>();
        async Task<int> VisibleEvents()
        {
            await retention.PruneAsync(CancellationToken.None); // as the hourly job does
            var client = isolated.ClientWithToken(await isolated.TokenAsync(session.Credential.ClientId, session.Credential.Secret));
            return (await (await client.GetAsync("/v1/events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray().Count;
        }

        isolated.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Equal(1, await VisibleEvents());
        isolated.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await VisibleEvents());
    }

    [Theory]
    [InlineData("/v1/events?types=order.exploded", "types")]
    [InlineData("/v1/events?cursor=%%%", "cursor")]
    [InlineData("/v1/events?cursor=YWJj", "cursor")]
    [InlineData("/v1/events?limit=0", "limit")]
    [InlineData("/v1/events?limit=101", "limit")]
    public async Task BadQueries_AreRefusedNamingTheParameter(string url, string field)
    {
        var session = await platform.NewPartnerSessionAsync();
        var problem = await (await session.Client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase));
    }
}

using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Inventory;

public sealed class TransferTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    private sealed record Setup(string Sku, PartnerSession Owner, PartnerSession Requester, string Shared, string Private, string Destination);

    /// <summary>An owner with 20 units at a location shared with all partners and 20 at an unshared one; a requester with a location of its own.</summary>
    private async Task<Setup> ArrangeAsync()
    {
        var sku = await platform.CreateProductAsync(8m);
        var owner = await platform.NewPartnerSessionAsync();
        var requester = await platform.NewPartnerSessionAsync();
        var shared = await owner.CreateLocationAsync(extra: new { name = "Shared DC", type = "warehouse", regionCode = "CN-SH", sharing = "all_partners" });
        var unshared = await owner.CreateLocationAsync();
        foreach (var location in new[] { shared, unshared })
        {
            (await owner.AdjustAsync(location, sku, 20)).EnsureSuccessStatusCode();
        }
        return new Setup(sku, owner, requester, shared, unshared, await requester.CreateLocationAsync("CN-BJ"));
    }

    private static Task<HttpResponseMessage> RequestAsync(PartnerSession session, string from, string to, string sku, int quantity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/transfers")
        {
            Content = JsonContent.Create(new { fromLocationId = from, toLocationId = to, sku, quantity }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return session.Client.SendAsync(request);
    }

    [Fact]
    public async Task DecidingATransferTwiceAtOnce_MovesTheUnitsOnce_AndTheOtherIs409()
    {
        var s = await ArrangeAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await (await RequestAsync(s.Requester, s.Shared, s.Destination, s.Sku, 4)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
        }

        var responses = await Task.WhenAll(ids.SelectMany(id => new[]
        {
            s.Owner.Client.PostAsync($"/v2/transfers/{id}/accept", null), s.Owner.Client.PostAsync($"/v2/transfers/{id}/accept", null),
        }));

        foreach (var pair in responses.Chunk(2))
        {
            var refused = Assert.Single(pair, r => r.StatusCode != HttpStatusCode.OK);
            await refused.ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        }
        var source = await s.Owner.StockAsync(s.Shared, s.Sku);
        Assert.Equal((8, 0), (source["onHand"]!.GetValue<int>(), source["reserved"]!.GetValue<int>()));
        Assert.Equal(12, (await s.Requester.StockAsync(s.Destination, s.Sku))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnAcceptedTransfer_MovesTheUnits_AndBothSidesSeeEveryStep()
    {
        var s = await ArrangeAsync();

        var requested = await (await RequestAsync(s.Requester, s.Shared, s.Destination, s.Sku, 8)).ReadJsonAsync(HttpStatusCode.Created);
        var id = requested["id"]!.GetValue<string>();
        Assert.Equal("requested", requested["status"]!.GetValue<string>());
        var reservedAtSource = await s.Owner.StockAsync(s.Shared, s.Sku);
        Assert.Equal((20, 8, 12), (reservedAtSource["onHand"]!.GetValue<int>(), reservedAtSource["reserved"]!.GetValue<int>(), reservedAtSource["available"]!.GetValue<int>()));
        var incoming = (await (await s.Owner.Client.GetAsync("/v2/transfers?direction=incoming")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(id, Assert.Single(incoming)!["id"]!.GetValue<string>());
        Assert.Empty((await (await s.Owner.Client.GetAsync("/v2/transfers?direction=outgoing")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());

        await (await s.Requester.Client.PostAsync($"/v2/transfers/{id}/accept", null)).ReadProblemAsync(HttpStatusCode.Forbidden, "not_transfer_owner");
        var accepted = await (await s.Owner.Client.PostAsync($"/v2/transfers/{id}/accept", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("accepted", accepted["status"]!.GetValue<string>());

        var source = await s.Owner.StockAsync(s.Shared, s.Sku);
        Assert.Equal((12, 0), (source["onHand"]!.GetValue<int>(), source["reserved"]!.GetValue<int>()));
        Assert.Equal(8, (await s.Requester.StockAsync(s.Destination, s.Sku))["onHand"]!.GetValue<int>());
        foreach (var side in new[] { s.Owner, s.Requester })
        {
            var types = (await (await side.Client.GetAsync("/v2/events?types=transfer.requested,transfer.accepted")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
            Assert.Equal(["transfer.requested", "transfer.accepted"], types.Select(e => e!["type"]!.GetValue<string>()));
        }
        await (await s.Owner.Client.PostAsync($"/v2/transfers/{id}/reject", null)).ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task ARejectedTransfer_ReleasesTheReservation()
    {
        var s = await ArrangeAsync();
        var id = (await (await RequestAsync(s.Requester, s.Shared, s.Destination, s.Sku, 5)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var rejected = await (await s.Owner.Client.PostAsJsonAsync($"/v2/transfers/{id}/reject", new { reason = "Needed for a promotion" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        Assert.Equal("Needed for a promotion", rejected["rejectionReason"]!.GetValue<string>());
        Assert.Equal(20, (await s.Owner.StockAsync(s.Shared, s.Sku))["available"]!.GetValue<int>());
        Assert.Equal("rejected", (await (await s.Requester.Client.GetAsync($"/v2/transfers/{id}")).ReadJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUndecidedTransfer_ExpiresAfter48Hours_AndReleasesTheReservation()
    {
        var s = await ArrangeAsync();
        var id = (await (await RequestAsync(s.Requester, s.Shared, s.Destination, s.Sku, 5)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var expiry = platform.Services.GetRequiredService<Integration.Application.Inventory.TransferExpiry>();

        platform.Clock.Advance(TimeSpan.FromHours(47));
        await expiry.RunOnceAsync(CancellationToken.None);
        var owner = platform.ClientWithToken(await platform.TokenAsync(s.Owner.Credential.ClientId, s.Owner.Credential.Secret));
        Assert.Equal("requested", (await (await owner.GetAsync($"/v2/transfers/{id}")).ReadJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());

        platform.Clock.Advance(TimeSpan.FromHours(1));
        await expiry.RunOnceAsync(CancellationToken.None);
        owner = platform.ClientWithToken(await platform.TokenAsync(s.Owner.Credential.ClientId, s.Owner.Credential.Secret));
        Assert.Equal("expired", (await (await owner.GetAsync($"/v2/transfers/{id}")).ReadJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
        Assert.Equal(20, (await (await owner.GetAsync($"/v2/locations/{s.Shared}/stock/{s.Sku}")).ReadJsonAsync(HttpStatusCode.OK))["available"]!.GetValue<int>());
        await (await owner.PostAsync($"/v2/transfers/{id}/accept", null)).ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task TwoConcurrentAccepts_MoveTheUnitsOnce()
    {
        var s = await ArrangeAsync();
        var id = (await (await RequestAsync(s.Requester, s.Shared, s.Destination, s.Sku, 6)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var answers = await Task.WhenAll(s.Owner.Client.PostAsync($"/v2/transfers/{id}/accept", null), s.Owner.Client.PostAsync($"/v2/transfers/{id}/accept", null));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(6, (await s.Requester.StockAsync(s.Destination, s.Sku))["onHand"]!.GetValue<int>());
        Assert.Equal(14, (await s.Owner.StockAsync(s.Shared, s.Sku))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task BadTransfers_AreRefused_AndReserveNothing()
    {
        var s = await ArrangeAsync();
        var stranger = await platform.NewPartnerSessionAsync();

        await (await RequestAsync(s.Requester, s.Private, s.Destination, s.Sku, 1)).ReadProblemAsync(HttpStatusCode.NotFound); // not shared with it
        await (await RequestAsync(s.Requester, s.Shared, s.Private, s.Sku, 1)).ReadProblemAsync(HttpStatusCode.NotFound); // not its destination
        await (await RequestAsync(s.Owner, s.Private, s.Shared, s.Sku, 1)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "transfer_to_self");
        await (await RequestAsync(s.Requester, s.Shared, s.Destination, s.Sku, 21)).ReadProblemAsync(HttpStatusCode.Conflict, "insufficient_stock");
        await (await RequestAsync(s.Requester, s.Shared, s.Destination, s.Sku, 0)).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await RequestAsync(s.Requester, s.Shared, s.Destination, "NO-SUCH-SKU", 1)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_sku");
        Assert.Equal(20, (await s.Owner.StockAsync(s.Shared, s.Sku))["available"]!.GetValue<int>());

        var id = (await (await RequestAsync(s.Requester, s.Shared, s.Destination, s.Sku, 2)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await (await stranger.Client.GetAsync($"/v2/transfers/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsync($"/v2/transfers/{id}/accept", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await stranger.Client.GetAsync("/v2/transfers")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }
}

using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Inventory;

public sealed class LocationAndStockTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Locations_CanBeCreatedReadListedAndChanged()
    {
        var session = await platform.NewPartnerSessionAsync();
        var created = await session.Client.PostAsJsonAsync("/v2/locations",
            new { name = "Jing'an store", type = "store", regionCode = "CN-SH-JA", address = "1 Nanjing Rd", sharing = "region" });
        var location = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = location["id"]!.GetValue<string>();
        Assert.EndsWith($"/v2/locations/{id}", created.Headers.Location!.ToString());
        Assert.Equal("region", location["sharing"]!.GetValue<string>());

        var partner = await platform.CreatePartnerAsync();
        var changed = await (await session.Client.PatchAsJsonAsync($"/v2/locations/{id}", new { sharing = "named", sharedWith = new[] { partner } }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("named", changed["sharing"]!.GetValue<string>());
        Assert.Equal(partner, changed["sharedWith"]![0]!.GetValue<string>());
        Assert.Equal(2, changed["version"]!.GetValue<int>());
        Assert.Equal("Jing'an store", changed["name"]!.GetValue<string>());

        var listed = (await (await session.Client.GetAsync("/v1/locations")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(id, Assert.Single(listed)!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"name":"A","type":"warehouse","regionCode":"shanghai"}""", "regionCode")]
    [InlineData("""{"name":"","type":"warehouse","regionCode":"CN-SH"}""", "name")]
    [InlineData("""{"name":"A","type":"garage","regionCode":"CN-SH"}""", "type")]
    [InlineData("""{"name":"A","type":"store","regionCode":"CN-SH","sharing":"named"}""", "sharedWith")]
    [InlineData("""{"name":"A","type":"store","regionCode":"CN-SH","sharing":"all_partners","sharedWith":["ptn_x"]}""", "sharedWith")]
    public async Task BadLocations_AreRefusedNamingTheField(string json, string field)
    {
        var session = await platform.NewPartnerSessionAsync();
        var response = await session.Client.PostAsync("/v2/locations", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SettingStock_NeedsTheCurrentETag_OnceTheLevelExists()
    {
        var sku = await platform.CreateProductAsync(5m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();

        var first = await session.SetStockAsync(location, sku, 40);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("\"v1\"", first.Headers.ETag!.ToString());

        await (await session.SetStockAsync(location, sku, 50)).ReadProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await session.SetStockAsync(location, sku, 50, "\"v7\"")).ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        var updated = await (await session.SetStockAsync(location, sku, 50, "\"v1\"")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(50, updated["onHand"]!.GetValue<int>());
        Assert.Equal(2, updated["version"]!.GetValue<int>());
        await (await session.SetStockAsync(location, sku, 60, "\"v1\"")).ReadProblemAsync(HttpStatusCode.PreconditionFailed); // stale now
        Assert.Equal(50, (await session.StockAsync(location, sku))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task AHundredConcurrentAdjustments_AllLand()
    {
        var sku = await platform.CreateProductAsync(5m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        (await session.SetStockAsync(location, sku, 1_000)).EnsureSuccessStatusCode();
        var deltas = Enumerable.Range(0, 100).Select(i => i % 3 == 0 ? -(i % 7 + 1) : i % 11 + 1).ToList();

        var responses = await Task.WhenAll(deltas.Select(d => session.AdjustAsync(location, sku, d, d > 0 ? "received" : "sold")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var level = await session.StockAsync(location, sku);
        Assert.Equal(1_000 + deltas.Sum(), level["onHand"]!.GetValue<int>());
        Assert.Equal(101, level["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Adjustments_NeverTakeAvailableBelowZero()
    {
        var sku = await platform.CreateProductAsync(5m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        (await session.AdjustAsync(location, sku, 10)).EnsureSuccessStatusCode(); // the first adjustment creates the level

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => session.AdjustAsync(location, sku, -1, "sold")));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.ReadProblemAsync(HttpStatusCode.Conflict, "insufficient_stock");
        }
        Assert.Equal(0, (await session.StockAsync(location, sku))["available"]!.GetValue<int>());
        await (await session.AdjustAsync(location, sku, -1, "sold")).ReadProblemAsync(HttpStatusCode.Conflict, "insufficient_stock");
    }

    [Fact]
    public async Task ARetriedAdjustment_IsAppliedOnce()
    {
        var sku = await platform.CreateProductAsync(5m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        var key = Guid.NewGuid().ToString();

        (await session.AdjustAsync(location, sku, 7, key: key)).EnsureSuccessStatusCode();
        var retry = await session.AdjustAsync(location, sku, 7, key: key);

        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(7, (await session.StockAsync(location, sku))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task AMirrorBuiltFromTheChangeFeed_EqualsTheStock()
    {
        var skus = new[] { await platform.CreateProductAsync(1m), await platform.CreateProductAsync(2m), await platform.CreateProductAsync(3m) };
        var session = await platform.NewPartnerSessionAsync();
        var locations = new[] { await session.CreateLocationAsync(), await session.CreateLocationAsync("CN-BJ") };
        foreach (var location in locations)
        {
            foreach (var sku in skus)
            {
                (await session.AdjustAsync(location, sku, 100)).EnsureSuccessStatusCode();
            }
        }
        var random = new Random(42);
        var writes = Enumerable.Range(0, 60).Select(_ => (Location: locations[random.Next(2)], Sku: skus[random.Next(3)], Delta: random.Next(-20, 25))).ToList();
        await Task.WhenAll(writes.Where(w => w.Delta != 0).Select(w => session.AdjustAsync(w.Location, w.Sku, w.Delta, w.Delta > 0 ? "received" : "sold")));

        var mirror = new Dictionary<(string, string), (int OnHand, int Version)>();
        string? cursor = null;
        do
        {
            var page = await (await session.Client.GetAsync("/v2/inventory/changes?limit=17" + (cursor is null ? "" : "&cursor=" + cursor))).ReadJsonAsync(HttpStatusCode.OK);
            foreach (var change in page["data"]!.AsArray())
            {
                mirror[(change!["locationId"]!.GetValue<string>(), change["sku"]!.GetValue<string>())] = (change["onHand"]!.GetValue<int>(), change["version"]!.GetValue<int>());
            }
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        foreach (var location in locations)
        {
            foreach (var level in (await (await session.Client.GetAsync($"/v2/locations/{location}/stock")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray())
            {
                Assert.Equal((level!["onHand"]!.GetValue<int>(), level["version"]!.GetValue<int>()), mirror[(location, level["sku"]!.GetValue<string>())]);
            }
        }
        Assert.Equal(6, mirror.Count);
    }

    [Fact]
    public async Task BadStockRequests_AreProblems_AndChangeNothing()
    {
        var sku = await platform.CreateProductAsync(5m);
        var owner = await platform.NewPartnerSessionAsync();
        var location = await owner.CreateLocationAsync();
        (await owner.AdjustAsync(location, sku, 5)).EnsureSuccessStatusCode();
        var stranger = await platform.NewPartnerSessionAsync();

        await (await owner.SetStockAsync(location, sku, -1, "\"v1\"")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.Client.PutAsync($"/v2/locations/{location}/stock/{sku}", new StringContent("""{"onHand":1.5}""", System.Text.Encoding.UTF8, "application/json")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.AdjustAsync(location, sku, 0)).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await owner.AdjustAsync(location, "NO-SUCH-SKU", 3)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_sku");
        await (await owner.SetStockAsync(location, "bad sku", 3)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var noKey = await owner.Client.PostAsJsonAsync("/v2/inventory/adjustments", new { locationId = location, sku, delta = 1, reason = "received" });
        await noKey.ReadProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_required");

        await (await stranger.Client.GetAsync($"/v2/locations/{location}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/v2/locations/{location}/stock/{sku}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.SetStockAsync(location, sku, 99)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.AdjustAsync(location, sku, 99)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await stranger.Client.GetAsync("/v2/inventory/changes")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());

        var level = await owner.StockAsync(location, sku);
        Assert.Equal(5, level["onHand"]!.GetValue<int>());
        Assert.Equal(1, level["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task SharedAvailability_FollowsEachLocationsPolicy()
    {
        var sku = await platform.CreateProductAsync(5m);
        await platform.SetBrandStockAsync(sku, 70);
        Task<PartnerSession> In(string region) => platform.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(region: region, qualified: true));
        var owner = await In("CN-SH");
        var pudong = await In("CN-SH-PD");
        var beijing = await In("CN-BJ");
        var china = await In("CN");
        async Task<string> Stocked(string name, string region, string sharing, string[]? sharedWith = null, int units = 10)
        {
            var id = await owner.CreateLocationAsync(extra: new { name, type = "warehouse", regionCode = region, sharing, sharedWith });
            (await owner.AdjustAsync(id, sku, units)).EnsureSuccessStatusCode();
            return id;
        }
        await Stocked("private", "CN-SH", "nobody");
        var regional = await Stocked("regional", "CN-SH", "region", units: 12);
        var everyone = await Stocked("everyone", "CN-BJ", "all_partners", units: 30);
        var named = await Stocked("named", "CN-GD", "named", [beijing.PartnerId], units: 20);
        var empty = await owner.CreateLocationAsync(extra: new { name = "empty", type = "store", regionCode = "CN-SH", sharing = "all_partners" });
        (await owner.SetStockAsync(empty, sku, 0)).EnsureSuccessStatusCode();

        async Task<List<(string Id, string Region, int Available)>> Seen(PartnerSession who, string query = "")
        {
            var body = await (await who.Client.GetAsync($"/v2/inventory/shared?sku={sku}{query}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(70, body["brand"]!["available"]!.GetValue<int>());
            return body["locations"]!.AsArray()
                .Select(l => (l!["locationId"]!.GetValue<string>(), l["regionCode"]!.GetValue<string>(), l["available"]!.GetValue<int>())).ToList();
        }

        Assert.Equal([(everyone, "CN-BJ", 30), (regional, "CN-SH", 12)], await Seen(pudong));
        Assert.Equal([(everyone, "CN-BJ", 30), (named, "CN-GD", 20)], await Seen(beijing));
        Assert.Equal([(everyone, "CN-BJ", 30)], await Seen(china));
        Assert.Empty(await Seen(owner)); // its own locations are not "shared with" it
        Assert.Equal([(named, "CN-GD", 20)], await Seen(beijing, "&region=CN-GD"));
        await (await beijing.Client.GetAsync($"/v2/inventory/shared?sku={sku}&region=guangdong")).ReadProblemAsync(HttpStatusCode.BadRequest);

        var live = await platform.IssueCredentialAsync(pudong.PartnerId, "live");
        var pudongLive = platform.ClientWithToken(await platform.TokenAsync(live.ClientId, live.Secret));
        var inLive = await (await pudongLive.GetAsync($"/v2/inventory/shared?sku={sku}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Empty(inLive["locations"]!.AsArray());
    }

    [Fact]
    public async Task FallingBelowTheLowStockThreshold_IsAnEvent_OncePerCrossing()
    {
        var sku = await platform.CreateProductAsync(5m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        (await session.AdjustAsync(location, sku, 12)).EnsureSuccessStatusCode();
        var threshold = await (await session.Client.PutAsJsonAsync($"/v2/locations/{location}/stock/{sku}/low-stock-threshold", new { threshold = 5 }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, threshold["lowStockThreshold"]!.GetValue<int>());

        foreach (var delta in new[] { -4, -4, -2, +6, -3 }) // 12 → 8 → 4 (crosses) → 2 → 8 → 5
        {
            (await session.AdjustAsync(location, sku, delta, delta > 0 ? "received" : "sold")).EnsureSuccessStatusCode();
        }
        (await session.AdjustAsync(location, sku, -1, "sold")).EnsureSuccessStatusCode(); // 5 → 4: crosses again

        var lows = (await (await session.Client.GetAsync("/v2/events?types=inventory.low_stock")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal([4, 4], lows.Select(e => e!["data"]!["available"]!.GetValue<int>()));
        Assert.All(lows, e => Assert.Equal(5, e!["data"]!["threshold"]!.GetValue<int>()));
        await (await session.Client.PutAsJsonAsync($"/v2/locations/{location}/stock/{sku}/low-stock-threshold", new { threshold = -1 })).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    private static Task<HttpResponseMessage> BulkAsync(PartnerSession session, object rows)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/inventory/bulk") { Content = JsonContent.Create(new { rows }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return session.Client.SendAsync(request);
    }

    [Fact]
    public async Task ABulkSync_AppliesEveryRow_AbsoluteAndRelative()
    {
        var skus = new[] { await platform.CreateProductAsync(1m), await platform.CreateProductAsync(2m) };
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        (await session.AdjustAsync(location, skus[0], 10)).EnsureSuccessStatusCode();

        var result = await (await BulkAsync(session, new object[]
        {
            new { locationId = location, sku = skus[0], delta = 5, reason = "received" },
            new { locationId = location, sku = skus[1], onHand = 40 },
        })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal((2, 1), (result["applied"]!.GetValue<int>(), result["created"]!.GetValue<int>()));
        Assert.Equal(15, (await session.StockAsync(location, skus[0]))["onHand"]!.GetValue<int>());
        Assert.Equal(40, (await session.StockAsync(location, skus[1]))["onHand"]!.GetValue<int>());
        var feed = (await (await session.Client.GetAsync("/v2/inventory/changes")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(["received", "received", "set"], feed.Select(c => c!["change"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ABulkWithBadRows_IsRejectedWhole_NamingEachRow()
    {
        var sku = await platform.CreateProductAsync(1m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        var stranger = await (await platform.NewPartnerSessionAsync()).CreateLocationAsync();
        (await session.AdjustAsync(location, sku, 3)).EnsureSuccessStatusCode();

        var response = await BulkAsync(session, new object[]
        {
            new { locationId = location, sku, onHand = 9 },                      // fine on its own
            new { locationId = location, sku, delta = 1, reason = "received" },   // duplicate of row 0
            new { locationId = stranger, sku = "NO-SUCH-SKU", onHand = 1 },       // not my location, unknown SKU
            new { locationId = location, sku = sku, onHand = 1, delta = 1 },      // both
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "bulk_rejected");
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("rows[1]", errors.Select(e => e.Key));
        Assert.Contains("rows[2].locationId", errors.Select(e => e.Key));
        Assert.Contains("rows[2].sku", errors.Select(e => e.Key));
        Assert.Contains("rows[3]", errors.Select(e => e.Key));
        Assert.Equal(3, (await session.StockAsync(location, sku))["onHand"]!.GetValue<int>()); // row 0 was not applied either

        var tooMany = Enumerable.Range(0, 5_001).Select(i => new { locationId = location, sku, onHand = i }).ToArray();
        var problem2 = await (await BulkAsync(session, tooMany)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem2["errors"]!["rows"]);
        var belowZero = await BulkAsync(session, new object[] { new { locationId = location, sku, delta = -4, reason = "sold" } });
        Assert.Contains("rows[0]", (await belowZero.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "bulk_rejected"))["errors"]!.AsObject().Select(e => e.Key));
    }
}

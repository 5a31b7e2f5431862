using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Outlets;

public sealed class OutletTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Outlets_CanBeCreatedReadListedAndChanged(string version)
    {
        var session = await platform.NewPartnerSessionAsync();
        var created = await session.Client.PostAsJsonAsync($"/{version}/outlets",
            new { name = "Jing'an store", regionCode = "CN-SH-JA", type = "shop_in_shop", areaSquareMetres = 85.25m, openedOn = platform.Day(-10) });
        var outlet = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = outlet["id"]!.GetValue<string>();
        Assert.StartsWith("out_", id);
        Assert.EndsWith($"/{version}/outlets/{id}", created.Headers.Location!.ToString());
        Assert.Equal("\"v1\"", created.Headers.ETag!.ToString());
        Assert.Equal("shop_in_shop", outlet["type"]!.GetValue<string>());
        Assert.Equal(85.25m, outlet["areaSquareMetres"]!.GetValue<decimal>());
        Assert.Equal("open", outlet["status"]!.GetValue<string>());

        var read = await session.Client.GetAsync($"/{version}/outlets/{id}");
        Assert.Equal("Jing'an store", (await read.ReadJsonAsync(HttpStatusCode.OK))["name"]!.GetValue<string>());

        var changed = await (await session.Client.PatchWithTagAsync($"/{version}/outlets/{id}", "\"v1\"", """{"name":"Jing'an flagship","areaSquareMetres":140,"type":"store"}"""))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Jing'an flagship", changed["name"]!.GetValue<string>());
        Assert.Equal(140m, changed["areaSquareMetres"]!.GetValue<decimal>());
        Assert.Equal("store", changed["type"]!.GetValue<string>());
        Assert.Equal(2, changed["version"]!.GetValue<int>());
        Assert.Equal("CN-SH-JA", changed["regionCode"]!.GetValue<string>());

        var listed = (await (await session.Client.GetAsync($"/{version}/outlets")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(id, Assert.Single(listed)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task WritingOutlets_NeedsOutletsWrite_ReadingNeedsOutletsRead()
    {
        var readOnly = await platform.NewPartnerSessionAsync(scopes: ["outlets:read"]);
        var writeOnly = await platform.NewPartnerSessionAsync(scopes: ["outlets:write"]);
        var outlet = new { name = "A", regionCode = "CN-SH", type = "store", openedOn = platform.Day(-1) };

        await (await readOnly.Client.PostAsJsonAsync("/v2/outlets", outlet)).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await readOnly.Client.PostAsJsonAsync("/v2/activity-reports", new { reports = new[] { new { outletId = "out_x", day = platform.Day(-1), footfall = 1, conversions = 0 } } }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await writeOnly.Client.GetAsync("/v2/outlets")).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await writeOnly.Client.GetAsync("/v2/promotion-events")).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task ARetriedCreate_WithTheSameIdempotencyKey_AddsOneOutlet()
    {
        var session = await platform.NewPartnerSessionAsync();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Create() => new(HttpMethod.Post, "/v2/outlets")
        {
            Content = JsonContent.Create(new { name = "A", regionCode = "CN-SH", type = "counter", openedOn = platform.Day(-1) }),
            Headers = { { "Idempotency-Key", key } },
        };

        var first = await (await session.Client.SendAsync(Create())).ReadJsonAsync(HttpStatusCode.Created);
        var retry = await session.Client.SendAsync(Create());

        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first["id"]!.GetValue<string>(), (await retry.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
        Assert.Single((await (await session.Client.GetAsync("/v2/outlets")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task ClosingAndReopening_ChangesWhetherOrdersAndListsSeeItOpen()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-30));

        var closed = await (await session.Client.PatchWithTagAsync($"/v2/outlets/{id}", "\"v1\"", $$"""{"closedOn":"{{platform.Day(-1)}}"}""")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Equal(platform.Day(-1), closed["closedOn"]!.GetValue<string>());
        Assert.Empty((await (await session.Client.GetAsync("/v2/outlets?status=open")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        Assert.Single((await (await session.Client.GetAsync("/v2/outlets?status=closed")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());

        // Leaving closedOn out keeps it; null clears it.
        var renamed = await (await session.Client.PatchWithTagAsync($"/v2/outlets/{id}", "\"v2\"", """{"name":"Still closed"}""")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("closed", renamed["status"]!.GetValue<string>());
        var reopened = await (await session.Client.PatchWithTagAsync($"/v2/outlets/{id}", "\"v3\"", """{"closedOn":null}""")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("open", reopened["status"]!.GetValue<string>());
        Assert.Null(reopened["closedOn"]);
        Assert.Single((await (await session.Client.GetAsync("/v2/outlets?status=open")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
    }

    [Fact]
    public async Task TheList_FiltersByRegionAndPages()
    {
        var session = await platform.NewPartnerSessionAsync();
        var jingan = await session.CreateOutletIdAsync(platform.Day(-5), "CN-SH-JA");
        var pudong = await session.CreateOutletIdAsync(platform.Day(-5), "CN-SH-PD");
        var nanjing = await session.CreateOutletIdAsync(platform.Day(-5), "CN-JS-NJ");
        await session.CreateOutletAsync(platform.Day(5), "CN-SH");

        var shanghai = (await (await session.Client.GetAsync("/v2/outlets?regionCode=CN-SH&status=open")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(new[] { jingan, pudong }.Order(), shanghai.Select(o => o!["id"]!.GetValue<string>()).Order());
        var planned = (await (await session.Client.GetAsync("/v2/outlets?status=not_yet_open")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal("CN-SH", Assert.Single(planned)!["regionCode"]!.GetValue<string>());

        var first = await session.Client.GetAsync("/v2/outlets?limit=3");
        var page = await first.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single());
        var rest = await (await session.Client.GetAsync($"/v2/outlets?limit=3&cursor={page["nextCursor"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Null(rest["nextCursor"]);
        var seen = page["data"]!.AsArray().Concat(rest["data"]!.AsArray()).Select(o => o!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(4, seen.Distinct().Count());
        Assert.Contains(nanjing, seen);

        await (await session.Client.GetAsync("/v2/outlets?regionCode=shanghai")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await session.Client.GetAsync("/v2/outlets?status=demolished")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"name":"A","regionCode":"shanghai","type":"store","openedOn":"2026-01-01"}""", "regionCode")]
    [InlineData("""{"name":"","regionCode":"CN-SH","type":"store","openedOn":"2026-01-01"}""", "name")]
    [InlineData("""{"name":"A","regionCode":"CN-SH","type":"kiosk","openedOn":"2026-01-01"}""", "type")]
    [InlineData("""{"name":"A","regionCode":"CN-SH","type":"store","openedOn":"2026-01-01","areaSquareMetres":-1}""", "areaSquareMetres")]
    [InlineData("""{"name":"A","regionCode":"CN-SH","type":"store","openedOn":"2026-01-01","areaSquareMetres":10.125}""", "areaSquareMetres")]
    [InlineData("""{"name":"A","regionCode":"CN-SH","type":"store","openedOn":"2026-02-30"}""", "openedOn")]
    public async Task BadOutlets_AreRefusedNamingTheField(string json, string field)
    {
        var session = await platform.NewPartnerSessionAsync();
        var problem = await (await session.Client.PostJsonAsync("/v2/outlets", json)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Contains(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ClosingBeforeOpening_Is422()
    {
        var session = await platform.NewPartnerSessionAsync();
        var problem = await (await session.Client.PostAsJsonAsync("/v2/outlets",
            new { name = "A", regionCode = "CN-SH", type = "store", openedOn = platform.Day(-5), closedOn = platform.Day(-6) }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "closed_before_opened");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("closedOn"));

        var id = await session.CreateOutletIdAsync(platform.Day(-5));
        await (await session.Client.PatchWithTagAsync($"/v2/outlets/{id}", "\"v1\"", $$"""{"closedOn":"{{platform.Day(-6)}}"}"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "closed_before_opened");
        Assert.Equal(1, (await (await session.Client.GetAsync($"/v2/outlets/{id}")).ReadJsonAsync(HttpStatusCode.OK))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Changing_NeedsTheCurrentETag()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-5));

        await (await session.Client.PatchWithTagAsync($"/v2/outlets/{id}", null, """{"name":"B"}""")).ReadProblemAsync(HttpStatusCode.PreconditionRequired, "if_match_required");
        await (await session.Client.PatchWithTagAsync($"/v2/outlets/{id}", "\"v9\"", """{"name":"B"}""")).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        Assert.Equal("Jing'an store", (await (await session.Client.GetAsync($"/v2/outlets/{id}")).ReadJsonAsync(HttpStatusCode.OK))["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/v1/outlets/{id}")]
    [InlineData("PATCH", "/v2/outlets/{id}")]
    [InlineData("GET", "/v2/outlets/{id}/activity-reports")]
    [InlineData("PUT", "/v2/outlets/{id}/activity-reports/{day}")]
    public async Task AnotherPartnersOutlet_Is404(string method, string path)
    {
        var owner = await platform.NewPartnerSessionAsync();
        var id = await owner.CreateOutletIdAsync(platform.Day(-5));
        var stranger = await platform.NewPartnerSessionAsync();

        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id).Replace("{day}", platform.Day(-1)))
        {
            Content = method == "GET" ? null : JsonContent.Create(method == "PUT" ? new { footfall = 10, conversions = 1 } : (object)new { name = "Mine now" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"v1\"");

        await (await stranger.Client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.DoesNotContain(id, await (await stranger.Client.GetAsync("/v2/outlets")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SandboxAndLiveOutlets_AreSeparate()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var sandbox = await platform.IssueCredentialAsync(partnerId, "sandbox");
        var live = await platform.IssueCredentialAsync(partnerId, "live");
        var sandboxSession = new PartnerSession(partnerId, sandbox, "", platform.ClientWithToken(await platform.TokenAsync(sandbox.ClientId, sandbox.Secret)));
        var liveClient = platform.ClientWithToken(await platform.TokenAsync(live.ClientId, live.Secret));
        var id = await sandboxSession.CreateOutletIdAsync(platform.Day(-5));

        await (await liveClient.GetAsync($"/v2/outlets/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await liveClient.GetAsync("/v2/outlets")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        await (await liveClient.ReportDayAsync(id, platform.Day(-1), 10, 1)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreatingAndChangingAnOutlet_AreEventsInTheLog()
    {
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-5));
        (await session.Client.PatchWithTagAsync($"/v2/outlets/{id}", "\"v1\"", $$"""{"closedOn":"{{platform.Day(0)}}"}""")).EnsureSuccessStatusCode();

        var events = (await (await session.Client.GetAsync("/v2/events?types=outlet.created,outlet.updated")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

        Assert.Equal(["outlet.created", "outlet.updated"], events.Select(e => e!["type"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(id, e!["data"]!["outletId"]!.GetValue<string>()));
        Assert.Equal(platform.Day(0), events[1]!["data"]!["closedOn"]!.GetValue<string>());
        Assert.Equal("store", events[0]!["data"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOrder_NamingAnOutlet_ShowsItAndIsRefusedOnceTheOutletCloses()
    {
        var sku = await platform.CreateProductAsync(10.00m);
        var session = await platform.NewPartnerSessionAsync();
        var id = await session.CreateOutletIdAsync(platform.Day(-5));
        var body = new { reference = "PO-" + Guid.NewGuid().ToString("N")[..10], lines = new[] { new { sku, quantity = 1 } }, outletId = id };

        var order = await (await session.Client.PostOrderAsync(body, version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(id, order["outletId"]!.GetValue<string>());
        Assert.Equal(id, (await (await session.Client.GetAsync($"/v1/orders/{order["id"]}")).ReadJsonAsync(HttpStatusCode.OK))["outletId"]!.GetValue<string>());

        (await session.Client.PatchWithTagAsync($"/v2/outlets/{id}", "\"v1\"", $$"""{"closedOn":"{{platform.Day(0)}}"}""")).EnsureSuccessStatusCode();
        await (await session.Client.PostOrderAsync(body with { reference = "PO-" + Guid.NewGuid().ToString("N")[..10] }, version: "v2"))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "outlet_closed");

        var stranger = await platform.NewPartnerSessionAsync();
        await (await stranger.Client.PostOrderAsync(body with { reference = "PO-" + Guid.NewGuid().ToString("N")[..10] }, version: "v2"))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_outlet");
    }
}

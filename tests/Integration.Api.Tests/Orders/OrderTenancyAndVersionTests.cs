using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Orders;

public sealed class OrderTenancyAndVersionTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    public static TheoryData<string, string> OrderEndpoints => new()
    {
        { "GET", "/v1/orders/{id}" }, { "GET", "/v1/orders/{id}/events" }, { "POST", "/v1/orders/{id}/cancel" },
        { "GET", "/v2/orders/{id}" }, { "GET", "/v2/orders/{id}/events" }, { "POST", "/v2/orders/{id}/cancel" },
    };

    [Theory]
    [MemberData(nameof(OrderEndpoints))]
    public async Task AnotherPartnersOrder_Is404OnEveryEndpoint(string method, string path)
    {
        var sku = await platform.CreateProductAsync(1.00m);
        var owner = await platform.NewPartnerSessionAsync();
        var order = await owner.PlaceOrderAsync((sku, 1));
        var stranger = await platform.NewPartnerSessionAsync();

        var response = await Send(stranger.Client, method, path.Replace("{id}", order["id"]!.GetValue<string>()), "\"v1\"");

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.DoesNotContain(order["id"]!.GetValue<string>(), await (await stranger.Client.GetAsync("/v1/orders")).Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(OrderEndpoints))]
    public async Task TheSamePartnersOrderFromTheOtherEnvironment_Is404OnEveryEndpoint(string method, string path)
    {
        var sku = await platform.CreateProductAsync(1.00m);
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var sandbox = await platform.IssueCredentialAsync(partnerId, "sandbox");
        var live = await platform.IssueCredentialAsync(partnerId, "live");
        var sandboxClient = platform.ClientWithToken(await platform.TokenAsync(sandbox.ClientId, sandbox.Secret));
        var liveClient = platform.ClientWithToken(await platform.TokenAsync(live.ClientId, live.Secret));
        var sandboxOrder = await (await sandboxClient.PostOrderAsync(CommerceSetup.OrderBody("PO-ENV", (sku, 1)))).ReadJsonAsync(HttpStatusCode.Created);

        var response = await Send(liveClient, method, path.Replace("{id}", sandboxOrder["id"]!.GetValue<string>()), "\"v1\"");

        await response.ReadProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Equal("live", response.Headers.GetValues("X-Environment").Single());
        // The same reference is free in the other environment: they are separate worlds.
        await (await liveClient.PostOrderAsync(CommerceSetup.OrderBody("PO-ENV", (sku, 1)))).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task V1AndV2_ShowTheSameOrderInTheirOwnShapes()
    {
        var sku = await platform.CreateProductAsync(199.99m);
        var session = await platform.NewPartnerSessionAsync();
        var id = (await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-SHAPES", (sku, 3)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var v1 = await (await session.Client.GetAsync($"/v1/orders/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        var v2 = await (await session.Client.GetAsync($"/v2/orders/{id}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("449.97", v1["total"]!.ToJsonString());
        Assert.Equal("CNY", v1["currency"]!.GetValue<string>());
        Assert.Equal("\"449.97\"", v2["total"]!["amount"]!.ToJsonString());
        Assert.Equal("CNY", v2["total"]!["currency"]!.GetValue<string>());
        Assert.Null(v1["lines"]![0]!["discount"]);
        Assert.Equal("150.00", v2["lines"]![0]!["discount"]!["amount"]!["amount"]!.GetValue<string>());
        foreach (var field in new[] { "id", "reference", "status", "createdAt" })
        {
            Assert.Equal(v1[field]!.ToJsonString(), v2[field]!.ToJsonString());
        }
    }

    [Fact]
    public async Task V1_AnswersWithDeprecationSunsetAndMigrationLink_V2DoesNot()
    {
        var session = await platform.NewPartnerSessionAsync();

        var v1 = await session.Client.GetAsync("/v1/orders");
        var v2 = await session.Client.GetAsync("/v2/orders");

        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        Assert.StartsWith("@", v1.Headers.GetValues("Deprecation").Single());
        var sunset = DateTimeOffset.Parse(v1.Headers.GetValues("Sunset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var deprecated = DateTimeOffset.FromUnixTimeSeconds(long.Parse(v1.Headers.GetValues("Deprecation").Single()[1..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(sunset >= deprecated.AddMonths(12));
        Assert.Contains(v1.Headers.GetValues("Link"), l => l.Contains("rel=\"deprecation\"") && l.Contains("versioning"));
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        Assert.False(v2.Headers.Contains("Deprecation"));
        Assert.False(v2.Headers.Contains("Sunset"));
    }

    [Fact]
    public async Task EachVersion_HasItsOwnOpenApiDocument_WithDecimalMoney()
    {
        var client = platform.CreateClient();

        var v1 = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);
        var v2 = await (await client.GetAsync("/swagger/v2/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.NotNull(v1["paths"]!["/v1/orders"]);
        Assert.NotNull(v2["paths"]!["/v2/orders"]);
        Assert.Null(v2["paths"]!["/v1/orders"]);
        Assert.Equal("CreateOrder", v2["paths"]!["/v2/orders"]!["post"]!["operationId"]!.GetValue<string>());
        Assert.True(v1["paths"]!["/v1/orders"]!["post"]!["deprecated"]?.GetValue<bool>());
        var idempotencyKey = v2["paths"]!["/v2/orders"]!["post"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
        Assert.True(idempotencyKey!["required"]!.GetValue<bool>());
        var createResponses = v2["paths"]!["/v2/orders"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ToList();
        Assert.Subset(createResponses.ToHashSet(), new HashSet<string> { "201", "400", "401", "403", "409", "422", "429" });
        var cancelResponses = v2["paths"]!["/v2/orders/{id}/cancel"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "404", "409", "412", "428" }, cancelResponses);
        var v1Order = v1["components"]!["schemas"]!["OrderV1"]!;
        Assert.Equal("decimal", v1Order["properties"]!["total"]!["format"]!.GetValue<string>());
        Assert.DoesNotContain("\"double\"", v1.ToJsonString() + v2.ToJsonString());
    }

    [Fact]
    public async Task ListFilters_SelectByStatusReferenceAndTime()
    {
        var sku = await platform.CreateProductAsync(1.00m);
        await platform.SetBrandStockAsync(sku, 100);
        var session = await platform.NewPartnerSessionAsync();
        var a = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();
        platform.Clock.Advance(TimeSpan.FromSeconds(5));
        var middle = platform.Clock.GetUtcNow();
        platform.Clock.Advance(TimeSpan.FromSeconds(5));
        var b = await session.PlaceOrderAsync((sku, 1));
        (await platform.AdminMoveAsync(a, "confirm")).EnsureSuccessStatusCode();

        async Task<List<string>> Ids(string query) =>
            (await (await session.Client.GetAsync($"/v1/orders?{query}")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ToList();

        var stamp = Uri.EscapeDataString(middle.UtcDateTime.ToString("O"));
        Assert.Equal([b["id"]!.GetValue<string>(), a], await Ids(""));
        Assert.Equal([a], await Ids("status=confirmed"));
        Assert.Equal([b["id"]!.GetValue<string>()], await Ids("status=pending"));
        Assert.Empty(await Ids("status=awaiting_payment"));                       // multi-word statuses as the JSON spells them
        Assert.Equal([b["id"]!.GetValue<string>()], await Ids($"reference={b["reference"]!.GetValue<string>()}"));
        Assert.Equal([b["id"]!.GetValue<string>()], await Ids($"createdFrom={stamp}"));
        Assert.Equal([a], await Ids($"createdTo={stamp}"));
        Assert.Equal([b["id"]!.GetValue<string>(), a], await Ids($"updatedSince={stamp}"));
    }

    [Fact]
    public async Task Products_ArePagedAndShownPerVersion_InactiveOnesOnlyByDirectRead()
    {
        var active = await platform.CreateProductAsync(199.99m, sku: "ZZ-" + CommerceSetup.NewSku());
        var inactive = await platform.CreateProductAsync(5.00m, sku: "ZZ-" + CommerceSetup.NewSku(), active: false);
        var session = await platform.NewPartnerSessionAsync();

        var v1 = await (await session.Client.GetAsync($"/v1/products/{active}")).ReadJsonAsync(HttpStatusCode.OK);
        var v2 = await (await session.Client.GetAsync($"/v2/products/{active}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("199.99", v1["listPrice"]!.ToJsonString());
        Assert.Equal("199.99", v2["listPrice"]!["amount"]!.GetValue<string>());
        Assert.False((await (await session.Client.GetAsync($"/v2/products/{inactive}")).ReadJsonAsync(HttpStatusCode.OK))["active"]!.GetValue<bool>());
        await (await session.Client.GetAsync("/v2/products/NOPE-1")).ReadProblemAsync(HttpStatusCode.NotFound);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await session.Client.GetAsync($"/v2/products?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}")).ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page["data"]!.AsArray().Select(p => p!["sku"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Contains(active, seen);
        Assert.DoesNotContain(inactive, seen);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path, string ifMatch)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}

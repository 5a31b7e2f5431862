using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Sandbox;

public sealed class SandboxIsolationTests
{
    public static TheoryData<string, string> SandboxEndpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "v1", "v2" })
        {
            foreach (var (method, path) in new[]
            {
                ("GET", "sandbox"), ("POST", "sandbox/reset"), ("GET", "sandbox/clock"), ("POST", "sandbox/clock/advance"), ("GET", "sandbox/clock/advances/advance_x"),
                ("GET", "sandbox/snapshots"), ("POST", "sandbox/snapshots"), ("POST", "sandbox/snapshots/snap_x/restore"), ("DELETE", "sandbox/snapshots/snap_x"),
                ("GET", "sandbox/simulators/bank-gateway"), ("POST", "sandbox/simulators/bank-gateway/mode"), ("GET", "sandbox/simulators/carrier/requests"),
                ("POST", "sandbox/actions/orders/ord_x/confirm"), ("POST", "sandbox/actions/orders/ord_x/record-prepayment"), ("POST", "sandbox/actions/orders/ord_x/ship"),
                ("POST", "sandbox/actions/orders/ord_x/deliver"), ("POST", "sandbox/actions/orders/ord_x/return"), ("POST", "sandbox/actions/orders/ord_x/cancel"),
                ("POST", "sandbox/actions/activity-subsidies"), ("POST", "sandbox/actions/settlements/stm_x/record-payment"),
                ("POST", "sandbox/actions/payouts/pay_x/retry"), ("POST", "sandbox/actions/disputes/dsp_x/resolve"),
            })
            {
                data.Add(method, $"/{version}/{path}");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SandboxEndpoints))]
    public async Task EverySandboxEndpoint_IsNotFound_ForLiveCredentials(string method, string path)
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var live = await platform.IssueCredentialAsync(partnerId, "live");
        var client = platform.ClientWithToken(await platform.TokenAsync(live.ClientId, live.Secret));

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { by = "P1D", mode = "failing", eventName = "x", cost = 1m, amount = 1m, outcome = "rejected", note = "x" });
        }
        var problem = await (await client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheSeededSandbox_IsInvisibleToTheSamePartnersLiveCredentials_AndItsProductsCannotBeOrderedLive()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var (sandboxClient, live) = await platform.PartnerInBothEnvironmentsAsync();

        Assert.Equal(6, (await sandboxClient.OrdersAsync()).Count);
        Assert.NotEmpty((await sandboxClient.GetJsonAsync("/v2/locations"))["data"]!.AsArray());
        Assert.NotEmpty((await sandboxClient.GetJsonAsync("/v2/settlements"))["data"]!.AsArray());
        await (await sandboxClient.GetAsync("/v2/products/SBX-TEE-BLACK-M")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Empty(await live.OrdersAsync());
        Assert.Empty((await live.GetJsonAsync("/v2/locations"))["data"]!.AsArray());
        Assert.Empty((await live.GetJsonAsync("/v2/settlements"))["data"]!.AsArray());
        await (await live.GetAsync("/v2/products/SBX-TEE-BLACK-M")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await live.GetJsonAsync("/v2/products?limit=100"))["data"]!.AsArray(), p => p!["sku"]!.GetValue<string>().StartsWith("SBX-", StringComparison.Ordinal));
        var refused = await (await live.PostOrderAsync(CommerceSetup.OrderBody("PO-LIVE-1", ("SBX-TEE-BLACK-M", 1)), version: "v2"))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_sku");
        Assert.NotNull(refused["errors"]!["lines[0].sku"]);
    }

    [Fact]
    public async Task EachPartnersSandbox_IsItsOwn_AndSeededPeersGetNoCredentials()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var first = await platform.NewPartnerSessionAsync("sandbox");
        var second = await platform.NewPartnerSessionAsync("sandbox");

        await first.Client.AdvanceAsync("P10D");
        var firstOrders = (await first.Client.OrdersAsync()).Select(o => o!["id"]!.GetValue<string>()).ToList();
        var secondOrders = (await second.Client.OrdersAsync()).Select(o => o!["id"]!.GetValue<string>()).ToList();
        Assert.Empty(firstOrders.Intersect(secondOrders));
        foreach (var id in firstOrders)
        {
            await (await second.Client.GetAsync($"/v2/orders/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        }
        // The second partner's clock did not move with the first's.
        Assert.Equal("PT0S", (await second.Client.GetJsonAsync("/v2/sandbox/clock"))["offset"]!.GetValue<string>());
        // Nor does the first one's ordering use up the second one's brand stock.
        async Task<int> BrandAvailable(HttpClient client) =>
            (await client.GetJsonAsync("/v2/inventory/shared?sku=SBX-TEE-BLACK-M"))["brand"]!["available"]!.GetValue<int>();
        var secondHas = await BrandAvailable(second.Client);
        var big = await (await first.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-ALL", ("SBX-TEE-BLACK-M", 90_000)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        await (await first.Client.PostAsync($"/v2/sandbox/actions/orders/{big["id"]!.GetValue<string>()}/confirm", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(await BrandAvailable(first.Client) < 10_000);
        Assert.Equal(secondHas, await BrandAvailable(second.Client));

        var peer = (await first.Client.GetJsonAsync("/v2/sandbox"))["peerPartnerIds"]![0]!.GetValue<string>();
        var admin = await platform.AdminClientAsync();
        var refused = await admin.PostAsJsonAsync($"/admin/v1/partners/{peer}/credentials", new { environment = "sandbox", scopes = new[] { "orders:read" } });
        await refused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "sandbox_peer");
    }
}

public sealed class SandboxResourceIsolationTests
{
    // Every resource a partner reads by id, found from its own lists.
    private static async Task<List<string>> ResourcePathsAsync(HttpClient client)
    {
        var order = (await client.OrdersAsync())[0]!["id"]!.GetValue<string>();
        var location = (await client.GetJsonAsync("/v2/locations"))["data"]![0]!["id"]!.GetValue<string>();
        var paths = new List<string>
        {
            $"/v2/orders/{order}", $"/v1/orders/{order}", $"/v2/orders/{order}/events", $"/v2/locations/{location}", $"/v2/locations/{location}/stock",
        };
        if ((await client.GetJsonAsync("/v2/settlements"))["data"]!.AsArray().FirstOrDefault() is { } statement)
        {
            paths.Add($"/v2/settlements/{statement["id"]!.GetValue<string>()}");
            paths.Add($"/v2/settlements/{statement["id"]!.GetValue<string>()}/orders");
        }
        if ((await client.GetJsonAsync("/v2/disputes"))["data"]!.AsArray().FirstOrDefault() is { } dispute)
        {
            paths.Add($"/v2/disputes/{dispute["id"]!.GetValue<string>()}");
        }
        if ((await client.GetJsonAsync("/v2/transfers"))["data"]!.AsArray().FirstOrDefault() is { } transfer)
        {
            paths.Add($"/v2/transfers/{transfer["id"]!.GetValue<string>()}");
        }
        return paths;
    }

    [Fact]
    public async Task SandboxResources_AreNotFoundWithLiveCredentials_AndLiveOnesWithSandboxCredentials()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var (sandbox, live) = await platform.PartnerInBothEnvironmentsAsync();

        // Sandbox: seeded resources, plus a dispute and a transfer of its own.
        var order = (await sandbox.OrdersAsync())[0]!["id"]!.GetValue<string>();
        await (await sandbox.PostAsJsonAsync("/v2/disputes", new { orderId = order, amount = "1.00", reason = "Isolation" })).ReadJsonAsync(HttpStatusCode.Created);
        var peerLocation = (await sandbox.GetJsonAsync("/v2/inventory/shared?sku=SBX-SOCKS-3PK"))["locations"]![0]!["locationId"]!.GetValue<string>();
        var own = (await sandbox.GetJsonAsync("/v2/locations"))["data"]![0]!["id"]!.GetValue<string>();
        await sandbox.RequestTransferAsync(peerLocation, own, "SBX-SOCKS-3PK", 1);
        // Live: an order and a location of the same partner.
        var sku = await platform.CreateProductAsync(20.00m);
        await (await live.PostOrderAsync(CommerceSetup.OrderBody("PO-LIVE-ISO", (sku, 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        await (await live.PostAsJsonAsync("/v2/locations", new { name = "Live DC", type = "warehouse", regionCode = "CN-SH" })).ReadJsonAsync(HttpStatusCode.Created);

        var sandboxPaths = await ResourcePathsAsync(sandbox);
        var livePaths = await ResourcePathsAsync(live);
        Assert.Equal(9, sandboxPaths.Count);
        foreach (var path in sandboxPaths)
        {
            await (await live.GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound);
        }
        foreach (var path in livePaths)
        {
            await (await sandbox.GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound);
        }
        // Writes by id across environments are not found either, and change nothing.
        await (await live.PostAsync($"/v2/sandbox/actions/orders/{order}/confirm", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        var liveOrder = (await live.OrdersAsync())[0]!["id"]!.GetValue<string>();
        await (await sandbox.PostAsync($"/v2/sandbox/actions/orders/{liveOrder}/confirm", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("pending", (await live.GetJsonAsync($"/v2/orders/{liveOrder}"))["status"]!.GetValue<string>());
    }
}

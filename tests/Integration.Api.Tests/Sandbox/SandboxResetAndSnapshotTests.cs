using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Sandbox;

public sealed class SandboxResetAndSnapshotTests
{
    // What a partner sees of its sandbox: every order in full, its events, stock at every location it sees, statements, disputes, transfers.
    private static async Task<string> StateAsync(HttpClient client)
    {
        var state = new JsonObject
        {
            ["clock"] = (await client.GetJsonAsync("/v2/sandbox/clock"))["offset"]!.DeepClone(),
            ["orders"] = (await client.GetJsonAsync("/v2/orders?limit=100"))["data"]!.DeepClone(),
            ["settlements"] = (await client.GetJsonAsync("/v2/settlements?limit=100"))["data"]!.DeepClone(),
            ["disputes"] = (await client.GetJsonAsync("/v2/disputes?limit=100"))["data"]!.DeepClone(),
            ["transfers"] = (await client.GetJsonAsync("/v2/transfers?limit=100"))["data"]!.DeepClone(),
        };
        var locations = (await client.GetJsonAsync("/v2/locations?limit=100"))["data"]!.AsArray();
        state["locations"] = locations.DeepClone();
        foreach (var location in locations)
        {
            var id = location!["id"]!.GetValue<string>();
            state[$"stock:{id}"] = (await client.GetJsonAsync($"/v2/locations/{id}/stock?limit=100"))["data"]!.DeepClone();
        }
        foreach (var order in state["orders"]!.AsArray())
        {
            var id = order!["id"]!.GetValue<string>();
            state[$"events:{id}"] = (await client.GetJsonAsync($"/v2/orders/{id}/events?limit=100"))["data"]!.DeepClone();
        }
        // The brand's stock of the sandbox products (the sandbox's own pool) and the peers' shared stock.
        foreach (var sku in new[] { "SBX-TEE-BLACK-M", "SBX-CAP-NAVY", "SBX-SOCKS-3PK" })
        {
            state[$"shared:{sku}"] = (await client.GetJsonAsync($"/v2/inventory/shared?sku={sku}")).DeepClone();
        }
        return state.ToJsonString();
    }

    private static async Task ChangeEverythingAsync(PlatformFactory platform, PartnerSession session)
    {
        var client = session.Client;
        var order = await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-CHANGE-" + Guid.NewGuid().ToString("N")[..6], ("SBX-CAP-NAVY", 2)), version: "v2"))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/v2/disputes", new { orderId = order["id"]!.GetValue<string>(), amount = "10.00", reason = "Damaged" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await client.SetModeAsync("bank-gateway", "failing");
        await client.AdvanceAsync("P35D");
    }

    [Fact]
    public async Task ASnapshot_RestoredAfterChanges_GivesBackExactlyTheSavedState()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var session = await platform.NewPartnerSessionAsync("sandbox");
        var client = session.Client;
        await client.AdvanceAsync("P3D");
        await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-KEEP", ("SBX-TEE-BLACK-M", 3)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        var saved = await StateAsync(client);

        var snapshot = await (await client.PostAsJsonAsync("/v2/sandbox/snapshots", new { name = "before the big change" })).ReadJsonAsync(HttpStatusCode.Created);
        await ChangeEverythingAsync(platform, session);
        Assert.NotEqual(saved, await StateAsync(client));

        await (await client.PostAsync($"/v2/sandbox/snapshots/{snapshot["id"]!.GetValue<string>()}/restore", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(saved, await StateAsync(client));
        var listed = (await client.GetJsonAsync("/v2/sandbox/snapshots"))["data"]!.AsArray().Single()!;
        Assert.Equal("before the big change", listed["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReset_AfterChanges_GivesBackTheSeed_ClockAndSimulatorModes()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var session = await platform.NewPartnerSessionAsync("sandbox");
        var client = session.Client;
        var seeded = await SeedShapeAsync(client);
        await ChangeEverythingAsync(platform, session);

        var reset = await (await client.PostAsync("/v2/sandbox/reset", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("PT0S", reset["clockOffset"]!.GetValue<string>());
        Assert.All(reset["simulators"]!.AsArray(), s => Assert.Equal("healthy", s!["mode"]!.GetValue<string>()));
        Assert.Equal(seeded, await SeedShapeAsync(client));
        Assert.Empty((await client.GetJsonAsync("/v2/disputes"))["data"]!.AsArray());
    }

    // Ids are new after a reset; what the seed is made of is not.
    private static async Task<string> SeedShapeAsync(HttpClient client)
    {
        var orders = (await client.OrdersAsync()).Select(o => $"{o!["reference"]} {o["status"]} {o["total"]!["amount"]} {o["createdAt"]}").Order();
        var statements = (await client.GetJsonAsync("/v2/settlements"))["data"]!.AsArray().Select(s => $"{s!["period"]} {s["status"]} {s["balance"]!["amount"]}");
        var locations = (await client.GetJsonAsync("/v2/locations"))["data"]!.AsArray().Select(l => $"{l!["name"]}");
        var shared = await client.GetJsonAsync("/v2/inventory/shared?sku=SBX-TEE-BLACK-M");
        var available = shared["locations"]!.AsArray().Select(l => $"{l!["available"]}").Order().Append($"brand {shared["brand"]!["available"]}");
        return string.Join("\n", orders.Concat(statements).Concat(locations).Concat(available));
    }

    [Fact]
    public async Task AnotherPartnersSnapshot_CannotBeRestored_AndNothingChanges()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var owner = await platform.NewPartnerSessionAsync("sandbox");
        var other = await platform.NewPartnerSessionAsync("sandbox");
        var snapshot = await (await owner.Client.PostAsJsonAsync("/v2/sandbox/snapshots", new { })).ReadJsonAsync(HttpStatusCode.Created);
        await other.Client.AdvanceAsync("P2D");
        var before = await StateAsync(other.Client);

        await (await other.Client.PostAsync($"/v2/sandbox/snapshots/{snapshot["id"]!.GetValue<string>()}/restore", null))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.DeleteAsync($"/v2/sandbox/snapshots/{snapshot["id"]!.GetValue<string>()}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await StateAsync(other.Client));
        Assert.Single((await owner.Client.GetJsonAsync("/v2/sandbox/snapshots"))["data"]!.AsArray());
    }
}

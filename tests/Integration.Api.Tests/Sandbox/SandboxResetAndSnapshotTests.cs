using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Outlets;

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
        state["outlets"] = (await client.GetJsonAsync("/v2/outlets?limit=100"))["data"]!.DeepClone();
        foreach (var outlet in state["outlets"]!.AsArray())
        {
            var id = outlet!["id"]!.GetValue<string>();
            state[$"activity:{id}"] = (await client.GetJsonAsync($"/v2/outlets/{id}/activity-reports?limit=100"))["data"]!.DeepClone();
        }
        state["promotionEvents"] = (await client.GetJsonAsync("/v2/promotion-events?limit=100"))["data"]!.DeepClone();
        state["kpis"] = (await client.GetJsonAsync("/v2/insights/kpis?period=2026-10")).DeepClone();
        state["grades"] = (await client.GetJsonAsync("/v2/insights/grades"))["data"]!.DeepClone();
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
        var outlet = await AddOutletAsync(client);
        (await client.ReportDayAsync(outlet, "2026-10-16", footfall: 300, conversions: 30)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/v2/customers/C-CHANGE-{Guid.NewGuid():N}", new { name = "Li Lei" })).EnsureSuccessStatusCode();
        await client.AdvanceAsync("P35D");
    }

    // An outlet with a reported day and a promotion event: what insights read besides orders.
    private static async Task<string> AddOutletAsync(HttpClient client)
    {
        var outlet = (await (await client.PostAsJsonAsync("/v2/outlets", new { name = "Jing'an store", regionCode = "CN-SH-JA", type = "store", openedOn = "2026-01-01" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        (await client.ReportDayAsync(outlet, "2026-10-15", footfall: 120, conversions: 12)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/v2/promotion-events",
            new { name = "Autumn sale", outletIds = new[] { outlet }, plannedStart = "2026-10-10", plannedEnd = "2026-10-12", cost = "500.00" })).EnsureSuccessStatusCode();
        return outlet;
    }

    [Fact]
    public async Task ASnapshot_RestoredAfterChanges_GivesBackExactlyTheSavedState()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var session = await platform.NewPartnerSessionAsync("sandbox");
        var client = session.Client;
        await client.AdvanceAsync("P3D");
        await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-KEEP", ("SBX-TEE-BLACK-M", 3)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        var outlet = await AddOutletAsync(client);
        var saved = await StateAsync(client);
        Assert.Equal(outlet, JsonNode.Parse(saved)!["outlets"]!.AsArray().Single()!["id"]!.GetValue<string>());

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
        Assert.Empty((await client.GetJsonAsync("/v2/outlets"))["data"]!.AsArray());
        Assert.Empty((await client.GetJsonAsync("/v2/promotion-events"))["data"]!.AsArray());
        Assert.Empty((await client.GetJsonAsync("/v2/customers"))["data"]!.AsArray());
    }

    [Fact]
    public async Task A_customer_erased_after_a_snapshot_stays_erased_when_it_is_restored_and_the_others_keep_their_orders()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var client = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        var kept = "C-KEEP-" + Guid.NewGuid().ToString("N")[..8];
        var erased = "13912345678"; // the partner's id for this customer is a phone number
        var orders = new Dictionary<string, string>();
        foreach (var customer in new[] { kept, erased })
        {
            (await client.PutAsJsonAsync($"/v2/customers/{customer}", new { name = "Han Meimei" })).EnsureSuccessStatusCode();
            var body = new { reference = "PO-" + Guid.NewGuid().ToString("N")[..10], lines = new[] { new { sku = "SBX-CAP-NAVY", quantity = 1 } }, customerExternalId = customer };
            orders[customer] = (await (await client.PostOrderAsync(body, version: "v2")).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        }
        var snapshot = await (await client.PostAsJsonAsync("/v2/sandbox/snapshots", new { name = "with two customers" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v2/customers/{erased}")).StatusCode);

        await (await client.PostAsync($"/v2/sandbox/snapshots/{snapshot["id"]!.GetValue<string>()}/restore", null)).ReadJsonAsync(HttpStatusCode.OK);

        await (await client.GetAsync($"/v2/customers/{erased}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Null((await client.GetJsonAsync($"/v2/orders/{orders[erased]}"))["customerExternalId"]);
        Assert.Equal(kept, (await client.GetJsonAsync($"/v2/orders/{orders[kept]}"))["customerExternalId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v2/customers/{kept}")).StatusCode);
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

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Sandbox;

public sealed class SandboxScenarioTests
{
    [Fact]
    public async Task OutOfStockSku_ConfirmingIs409InsufficientStock_AndTheClockHoldsTheOrderBack()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var client = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        var order = await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-OOS", ("SBX-OUT-OF-STOCK", 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        var id = order["id"]!.GetValue<string>();

        await (await client.PostAsync($"/v2/sandbox/actions/orders/{id}/confirm", null)).ReadProblemAsync(HttpStatusCode.Conflict, "insufficient_stock");
        Assert.Equal("pending", (await client.GetJsonAsync($"/v2/orders/{id}"))["status"]!.GetValue<string>());

        var advanced = await client.AdvanceAsync("P2D");
        var held = advanced["ran"]!["ordersHeldBack"]!.AsArray().Single()!;
        Assert.Equal(id, held["orderId"]!.GetValue<string>());
        Assert.StartsWith("insufficient_stock", held["reason"]!.GetValue<string>());
        Assert.Equal("pending", (await client.GetJsonAsync($"/v2/orders/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task FailPaymentReference_PrepaymentFails_ForARatingCPartner_WhileAnotherReferenceIsConfirmed()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var body = PlatformFactory.PartnerBody(qualified: true);
        body["creditRating"] = "C";
        var client = (await platform.NewPartnerSessionAsync("sandbox", body)).Client;
        var failing = await (await client.PostOrderAsync(CommerceSetup.OrderBody("SBX-FAIL-PAYMENT-1", ("SBX-CAP-NAVY", 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        var normal = await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-PREPAY-1", ("SBX-CAP-NAVY", 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("awaiting_payment", failing["status"]!.GetValue<string>());

        await (await client.PostAsync($"/v2/sandbox/actions/orders/{failing["id"]!.GetValue<string>()}/record-prepayment", null))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "prepayment_failed");
        var confirmed = await (await client.PostAsync($"/v2/sandbox/actions/orders/{normal["id"]!.GetValue<string>()}/record-prepayment", null))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", confirmed["status"]!.GetValue<string>());

        var advanced = await client.AdvanceAsync("P10D");
        Assert.Contains(advanced["ran"]!["ordersHeldBack"]!.AsArray(), h => h!["orderId"]!.GetValue<string>() == failing["id"]!.GetValue<string>());
        Assert.Equal("awaiting_payment", (await client.GetJsonAsync($"/v2/orders/{failing["id"]!.GetValue<string>()}"))["status"]!.GetValue<string>());
        Assert.Equal("delivered", (await client.GetJsonAsync($"/v2/orders/{normal["id"]!.GetValue<string>()}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task DisputeAmounts_LandOnLevels1To3_Level3FreezesOnlyTheSandbox_AndLevel1BreachesItsSlaWhenTheClockPassesIt()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var (client, liveClient) = await platform.PartnerInBothEnvironmentsAsync();
        var big = await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-BIG", ("SBX-TEE-BLACK-M", 5000)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        Assert.True(decimal.Parse(big["total"]!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture) > 500_000.01m);

        async Task<JsonNode> Dispute(string amount) => await (await client.PostAsJsonAsync("/v2/disputes",
            new { orderId = big["id"]!.GetValue<string>(), amount, reason = "Scenario" })).ReadJsonAsync(HttpStatusCode.Created);
        var level1 = await Dispute("49999.99");
        var level2 = await Dispute("50000.00");
        Assert.Equal(1, level1["level"]!.GetValue<int>());
        Assert.Equal(2, level2["level"]!.GetValue<int>());
        Assert.False(level1["slaBreached"]!.GetValue<bool>());

        var advanced = await client.AdvanceAsync("P3D");
        Assert.Equal(1, advanced["ran"]!["disputesPastSla"]!.GetValue<int>());
        Assert.True((await client.GetJsonAsync($"/v2/disputes/{level1["id"]!.GetValue<string>()}"))["slaBreached"]!.GetValue<bool>());

        var level3 = await Dispute("500000.01");
        Assert.Equal(3, level3["level"]!.GetValue<int>());
        Assert.True(level3["freezesAccount"]!.GetValue<bool>());
        await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-FROZEN", ("SBX-CAP-NAVY", 1)), version: "v2"))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "account_frozen");
        var liveSku = await platform.CreateProductAsync(10.00m);
        await (await liveClient.PostOrderAsync(CommerceSetup.OrderBody("PO-LIVE", (liveSku, 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);

        // Resolving it, as the risk committee would in live, ends the freeze.
        var resolved = await (await client.PostAsJsonAsync($"/v2/sandbox/actions/disputes/{level3["id"]!.GetValue<string>()}/resolve",
            new { outcome = "rejected", note = "Scenario done" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", resolved["status"]!.GetValue<string>());
        await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-THAWED", ("SBX-CAP-NAVY", 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task TheScenarios_ArePublishedInEveryPartnerOpenApiDocument()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var http = platform.CreateClient();
        foreach (var document in new[] { "v1", "v2" })
        {
            var openApi = JsonNode.Parse(await http.GetStringAsync($"/swagger/{document}/swagger.json"))!;
            var scenarios = openApi["x-sandbox-scenarios"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(["out_of_stock", "failed_prepayment", "dispute_level_1", "dispute_level_2", "dispute_level_3", "bank_gateway_modes", "carrier_modes"], scenarios);
            Assert.NotNull(openApi["paths"]!["/" + document + "/sandbox/clock/advance"]);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Sandbox;

public sealed class SandboxEndToEndTests
{
    [Fact]
    public async Task ANewCredential_AnOrder_FortyDaysLater_TheOrderIsDelivered_MonthsClosed_PaidOnceThroughTheSimulator()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var session = await platform.NewPartnerSessionAsync("sandbox");
        var client = session.Client;

        // Seeded: two peers, an order in each state, last month closed and paid.
        var overview = await client.GetAsync("/v2/sandbox");
        Assert.Equal("sandbox", Assert.Single(overview.Headers.GetValues("X-Environment")));
        var sandbox = await overview.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, sandbox["peerPartnerIds"]!.AsArray().Count);
        Assert.Equal(["cancelled", "confirmed", "delivered", "delivered", "pending", "shipped"],
            (await client.OrdersAsync()).Select(o => o!["status"]!.GetValue<string>()).Order());
        Assert.Equal("paid", (await client.GetJsonAsync("/v2/settlements/2026-10"))["status"]!.GetValue<string>());

        var order = await (await client.PostOrderAsync(CommerceSetup.OrderBody("PO-SBX-1", ("SBX-TEE-BLACK-M", 2)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        var id = order["id"]!.GetValue<string>();
        var subsidy = await (await client.PostAsJsonAsync("/v2/sandbox/actions/activity-subsidies", new { eventName = "Store opening", cost = "3000.00" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("1500.00", subsidy["subsidy"]!["amount"]!.GetValue<string>());

        var advanced = await client.AdvanceAsync("P40D");
        Assert.Equal("2027-01-06T10:00:00.000Z", advanced["clock"]!["now"]!.GetValue<string>());
        Assert.Equal(["2026-11", "2026-12"], advanced["ran"]!["monthsClosed"]!.AsArray().Select(m => m!.GetValue<string>()));

        // The order went confirmed → shipped → delivered on the schedule, each on its own day.
        var delivered = await client.GetJsonAsync($"/v2/orders/{id}");
        Assert.Equal("delivered", delivered["status"]!.GetValue<string>());
        Assert.Equal("2026-11-28T10:00:00.000Z", delivered["confirmedAt"]!.GetValue<string>());
        Assert.Equal("2026-11-30T10:00:00.000Z", delivered["shippedAt"]!.GetValue<string>());
        Assert.Equal("2026-12-03T10:00:00.000Z", delivered["deliveredAt"]!.GetValue<string>());

        // December: the statement is the orders delivered in it, per domain.md; the partner owes, so no payout.
        var december = await client.GetJsonAsync("/v2/settlements/2026-12");
        var deliveredInDecember = (await client.OrdersAsync())
            .Where(o => o!["deliveredAt"]?.GetValue<string>().StartsWith("2026-12", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(deliveredInDecember, o => o!["id"]!.GetValue<string>() == id);
        var net = deliveredInDecember.Sum(o => Amount(o!["total"]!));
        Assert.Equal(net, Amount(december["deliveredTotal"]!));
        Assert.Equal(-net, Amount(december["lines"]!.AsArray().Single(l => l!["kind"]!.GetValue<string>() == "order_charges")!["amount"]!));
        Assert.Equal(Math.Round(-net * 0.01m, 2, MidpointRounding.AwayFromZero),
            Amount(december["lines"]!.AsArray().Single(l => l!["kind"]!.GetValue<string>() == "development_fund")!["amount"]!));
        // Cumulative net sales stay under 1,000,000, so the profit share is 15% of the month's net sales.
        Assert.Equal(Math.Round(net * 0.15m, 2, MidpointRounding.AwayFromZero),
            Amount(december["lines"]!.AsArray().Single(l => l!["kind"]!.GetValue<string>() == "profit_share")!["amount"]!));
        Assert.Equal(december["lines"]!.AsArray().Sum(l => Amount(l!["amount"]!)), Amount(december["balance"]!));
        Assert.Equal(-Amount(december["balance"]!), Amount(december["amountDue"]!));
        Assert.Equal("2027-01-30", december["dueDate"]!.GetValue<string>()); // rating B: 30 days after the month
        Assert.Empty(december["payouts"]!.AsArray());

        // November: the subsidy outweighs the charges, so the brand paid the balance through the simulated gateway, once.
        var november = await client.GetJsonAsync("/v2/settlements/2026-11");
        Assert.Equal("paid", november["status"]!.GetValue<string>());
        var payout = november["payouts"]!.AsArray().Single()!;
        Assert.Equal("paid", payout["status"]!.GetValue<string>());
        Assert.Equal(Amount(november["balance"]!), Amount(payout["amount"]!));
        var posts = (await client.GetJsonAsync("/v2/sandbox/simulators/bank-gateway/requests?limit=100"))["data"]!.AsArray()
            .Where(r => r!["method"]!.GetValue<string>() == "POST"
                        && JsonNode.Parse(r["requestBody"]!.GetValue<string>())!["reference"]!.GetValue<string>() == november["id"]!.GetValue<string>())
            .ToList();
        Assert.Single(posts);

        // Paying what December's statement asks settles it.
        var paid = await (await client.PostAsJsonAsync($"/v2/sandbox/actions/settlements/{december["id"]!.GetValue<string>()}/record-payment",
            new { amount = december["amountDue"]!["amount"]!.GetValue<string>() })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("settled", paid["status"]!.GetValue<string>());
    }

    private static decimal Amount(JsonNode money) => decimal.Parse(money["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}

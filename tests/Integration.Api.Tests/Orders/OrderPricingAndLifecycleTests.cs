using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Orders;

public sealed class OrderPricingAndLifecycleTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Pricing_DomainExample_19999At25Percent_Is14999PerUnitAnd44997ForThree()
    {
        var sku = await platform.CreateProductAsync(199.99m);
        var session = await platform.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(tier: "advanced", qualified: true));

        var response = await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-PRICING-1", (sku, 3)));

        var order = await response.ReadJsonAsync(HttpStatusCode.Created);
        var line = order["lines"]![0]!;
        Assert.Equal("149.99", line["unitPrice"]!.ToJsonString());
        Assert.Equal("449.97", line["lineTotal"]!.ToJsonString());
        Assert.Equal("199.99", line["listPrice"]!.ToJsonString());
        Assert.Equal("449.97", order["total"]!.ToJsonString());
        Assert.Equal("pending", order["status"]!.GetValue<string>());
        Assert.Equal(order["id"]!.GetValue<string>(), response.Headers.Location!.ToString().Split('/').Last());
    }

    [Fact]
    public async Task Pricing_DomainExample_1010At15Percent_RoundsMidpointAwayFromZeroTo859()
    {
        var sku = await platform.CreateProductAsync(10.10m);
        var body = PlatformFactory.PartnerBody(tier: "basic", qualified: true);
        body["agreement"] = new { discountRate = 0.15m };
        var session = await platform.NewPartnerSessionAsync(body: body);

        var order = await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-PRICING-2", (sku, 2)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);

        var line = order["lines"]![0]!;
        Assert.Equal("8.59", line["unitPrice"]!["amount"]!.GetValue<string>());
        Assert.Equal("17.18", line["lineTotal"]!["amount"]!.GetValue<string>());
        Assert.Equal("0.15", line["discount"]!["rate"]!.GetValue<string>());
        Assert.Equal("3.02", line["discount"]!["amount"]!["amount"]!.GetValue<string>());
        Assert.Equal("CNY", order["total"]!["currency"]!.GetValue<string>());
        Assert.Equal("17.18", order["total"]!["amount"]!.GetValue<string>());
    }

    [Fact]
    public async Task PricesAreFixedWhenTheOrderIsPlaced()
    {
        var sku = await platform.CreateProductAsync(100.00m);
        var session = await platform.NewPartnerSessionAsync();
        var order = await session.PlaceOrderAsync((sku, 1));
        var admin = await platform.AdminClientAsync();

        (await admin.PatchAsJsonAsync($"/admin/v1/products/{sku}", new { listPrice = 150.00m })).EnsureSuccessStatusCode();

        var read = await (await session.Client.GetAsync($"/v1/orders/{order["id"]}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("75.00", read["total"]!.ToJsonString());
    }

    [Fact]
    public async Task FullLifecycle_ConfirmShipDeliverReturn_MovesStockAndRecordsEveryEvent()
    {
        var sku = await platform.CreateProductAsync(50.00m);
        await platform.SetBrandStockAsync(sku, 10);
        var session = await platform.NewPartnerSessionAsync();
        var id = (await session.PlaceOrderAsync((sku, 4)))["id"]!.GetValue<string>();

        await (await platform.AdminMoveAsync(id, "confirm")).ReadJsonAsync(HttpStatusCode.OK);
        var afterConfirm = await platform.BrandStockAsync(sku);
        Assert.Equal(10, afterConfirm["onHand"]!.GetValue<int>());
        Assert.Equal(4, afterConfirm["reserved"]!.GetValue<int>());
        Assert.Equal(6, afterConfirm["available"]!.GetValue<int>());

        var shipped = await (await platform.AdminMoveAsync(id, "ship", new { carrier = "SF Express", trackingNumber = "SF1234567890" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("SF1234567890", shipped["trackingNumber"]!.GetValue<string>());
        var afterShip = await platform.BrandStockAsync(sku);
        Assert.Equal(6, afterShip["onHand"]!.GetValue<int>());
        Assert.Equal(0, afterShip["reserved"]!.GetValue<int>());

        await (await platform.AdminMoveAsync(id, "deliver")).ReadJsonAsync(HttpStatusCode.OK);
        await (await platform.AdminMoveAsync(id, "return")).ReadJsonAsync(HttpStatusCode.OK);

        var order = await (await session.Client.GetAsync($"/v1/orders/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("returned", order["status"]!.GetValue<string>());
        Assert.NotNull(order["deliveredAt"]);
        var events = (await (await session.Client.GetAsync($"/v1/orders/{id}/events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(["order.created", "order.status_changed", "order.status_changed", "order.status_changed", "order.status_changed"], events.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal([null, "pending", "confirmed", "shipped", "delivered"], events.Select(e => e!["from"]?.GetValue<string>()));
        Assert.False(events[0]!.AsObject().ContainsKey("from")); // absent, not null: validators refuse null where the document names OrderStatus
        Assert.Equal(["pending", "confirmed", "shipped", "delivered", "returned"], events.Select(e => e!["to"]!.GetValue<string>()));
        Assert.StartsWith("partner:", events[0]!["actor"]!.GetValue<string>());
        Assert.Equal("brand", events[1]!["actor"]!.GetValue<string>());
        // Each change is also in the partner's event log (the outbox webhooks deliver from), in order.
        var logged = (await (await session.Client.GetAsync("/v1/events?limit=100")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray()
            .Where(e => e!["data"]!["orderId"]?.GetValue<string>() == id).ToList();
        Assert.Equal(["pending", "confirmed", "shipped", "delivered", "returned"], logged.Select(e => e!["data"]!["to"]!.GetValue<string>()));
        Assert.Equal(logged.Select(e => e!["sequence"]!.GetValue<long>()).Order(), logged.Select(e => e!["sequence"]!.GetValue<long>()));
        var audited = await platform.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == id).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(["order.confirmed", "order.shipped", "order.delivered", "order.returned"], audited);
    }

    [Fact]
    public async Task RatingC_StartsAwaitingPayment_AndConfirmsOnTheExactPrepayment()
    {
        var sku = await platform.CreateProductAsync(20.00m);
        await platform.SetBrandStockAsync(sku, 5);
        var session = await platform.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(rating: "C", qualified: true));
        var order = await session.PlaceOrderAsync((sku, 2));
        var id = order["id"]!.GetValue<string>();
        Assert.Equal("awaiting_payment", order["status"]!.GetValue<string>());

        await (await platform.AdminMoveAsync(id, "confirm")).ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await (await platform.AdminMoveAsync(id, "record-prepayment", new { amount = 29.99m })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "prepayment_mismatch");
        var paid = await (await platform.AdminMoveAsync(id, "record-prepayment", new { amount = 30.00m })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("confirmed", paid["status"]!.GetValue<string>());
        Assert.NotNull(paid["paidAt"]);
        Assert.Equal(2, (await platform.BrandStockAsync(sku))["reserved"]!.GetValue<int>());
    }

    public static TheoryData<string[], string> IllegalTransitions => new()
    {
        { [], "ship" }, { [], "deliver" }, { [], "return" }, { [], "record-prepayment" },
        { ["confirm"], "confirm" }, { ["confirm"], "deliver" }, { ["confirm"], "return" },
        { ["confirm", "ship"], "confirm" }, { ["confirm", "ship"], "cancel" }, { ["confirm", "ship"], "return" },
        { ["confirm", "ship", "deliver"], "ship" }, { ["confirm", "ship", "deliver"], "cancel" },
        { ["cancel"], "confirm" }, { ["cancel"], "cancel" },
        { ["confirm", "ship", "deliver", "return"], "return" }, { ["confirm", "ship", "deliver", "return"], "deliver" },
    };

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public async Task IllegalTransitions_Are409InvalidTransitionAndChangeNothing(string[] path, string action)
    {
        var sku = await platform.CreateProductAsync(10.00m);
        await platform.SetBrandStockAsync(sku, 100);
        var session = await platform.NewPartnerSessionAsync();
        var id = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();
        foreach (var step in path)
        {
            (await platform.AdminMoveAsync(id, step, step == "ship" ? new { carrier = "SF", trackingNumber = "1" } : null)).EnsureSuccessStatusCode();
        }
        var before = await (await session.Client.GetAsync($"/v1/orders/{id}")).ReadJsonAsync(HttpStatusCode.OK);

        var body = action switch { "ship" => new { carrier = "SF", trackingNumber = "2" }, "record-prepayment" => (object)new { amount = 10.00m }, _ => null };
        await (await platform.AdminMoveAsync(id, action, body)).ReadProblemAsync(HttpStatusCode.Conflict, "invalid_transition");

        var after = await (await session.Client.GetAsync($"/v1/orders/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task TheSameMoveTwiceAtOnce_MovesTheOrderOnce_AndTheOtherIs409()
    {
        var sku = await platform.CreateProductAsync(20.00m);
        await platform.SetBrandStockAsync(sku, 100);
        var session = await platform.NewPartnerSessionAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await session.PlaceOrderAsync((sku, 2)))["id"]!.GetValue<string>());
        }

        // Each order confirmed by two internal requests at the same moment.
        var responses = await Task.WhenAll(ids.SelectMany(id => new[] { platform.AdminMoveAsync(id, "confirm"), platform.AdminMoveAsync(id, "confirm") }));

        foreach (var pair in responses.Chunk(2))
        {
            var refused = Assert.Single(pair, r => r.StatusCode != HttpStatusCode.OK);
            var problem = await refused.ReadJsonAsync(HttpStatusCode.Conflict);
            Assert.Contains(problem["code"]!.GetValue<string>(), new[] { "concurrent_update", "invalid_transition" });
        }
        foreach (var id in ids)
        {
            var events = (await (await session.Client.GetAsync($"/v1/orders/{id}/events")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
            Assert.Equal(["pending", "confirmed"], events.Select(e => e!["to"]!.GetValue<string>()));
        }
        Assert.Equal(10, (await platform.BrandStockAsync(sku))["reserved"]!.GetValue<int>());
    }

    [Fact]
    public async Task ConfirmWithoutEnoughStock_Is409AndReservesNothing()
    {
        var plenty = await platform.CreateProductAsync(10.00m);
        var scarce = await platform.CreateProductAsync(10.00m);
        await platform.SetBrandStockAsync(plenty, 100);
        await platform.SetBrandStockAsync(scarce, 2);
        var session = await platform.NewPartnerSessionAsync();
        var id = (await session.PlaceOrderAsync((plenty, 5), (scarce, 3)))["id"]!.GetValue<string>();

        var problem = await (await platform.AdminMoveAsync(id, "confirm")).ReadProblemAsync(HttpStatusCode.Conflict, "insufficient_stock");

        Assert.Contains(scarce, problem["detail"]!.GetValue<string>());
        Assert.Equal(0, (await platform.BrandStockAsync(plenty))["reserved"]!.GetValue<int>());
        Assert.Equal("pending", (await (await session.Client.GetAsync($"/v1/orders/{id}")).ReadJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_NeedsIfMatch_RefusesAStaleOne_AndReleasesReservedStock()
    {
        var sku = await platform.CreateProductAsync(10.00m);
        await platform.SetBrandStockAsync(sku, 10);
        var session = await platform.NewPartnerSessionAsync();
        var placed = await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-CANCEL", (sku, 3)));
        var id = (await placed.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var staleTag = placed.Headers.ETag!.ToString();
        var confirmed = await platform.AdminMoveAsync(id, "confirm");
        var currentTag = confirmed.Headers.ETag!.ToString();

        await (await session.Client.CancelAsync(id, ifMatch: null)).ReadProblemAsync(HttpStatusCode.PreconditionRequired, "if_match_required");
        await (await session.Client.CancelAsync(id, staleTag)).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await (await session.Client.CancelAsync(id, "garbage")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(3, (await platform.BrandStockAsync(sku))["reserved"]!.GetValue<int>());

        var cancelled = await (await session.Client.CancelAsync(id, currentTag)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal(0, (await platform.BrandStockAsync(sku))["reserved"]!.GetValue<int>());
        Assert.Equal(10, (await platform.BrandStockAsync(sku))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task Return_After30DaysFromDelivery_Is409()
    {
        await using var isolated = new PlatformFactory();
        await isolated.InitializeAsync();
        var sku = await isolated.CreateProductAsync(10.00m);
        await isolated.SetBrandStockAsync(sku, 10);
        var session = await isolated.NewPartnerSessionAsync();
        var id = (await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>();
        (await isolated.AdminMoveAsync(id, "confirm")).EnsureSuccessStatusCode();
        (await isolated.AdminMoveAsync(id, "ship", new { carrier = "SF", trackingNumber = "1" })).EnsureSuccessStatusCode();
        (await isolated.AdminMoveAsync(id, "deliver")).EnsureSuccessStatusCode();

        isolated.Clock.Advance(TimeSpan.FromDays(31));

        await (await isolated.AdminMoveAsync(id, "return")).ReadProblemAsync(HttpStatusCode.Conflict, "return_window_closed");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Orders;

public sealed class OrderValidationTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    public static TheoryData<string, string> BadOrders => new()
    {
        { """{"reference":"R1","lines":[{"sku":"SKU-1","quantity":0}]}""", "lines[0].quantity" },
        { """{"reference":"R1","lines":[{"sku":"SKU-1","quantity":-3}]}""", "lines[0].quantity" },
        { """{"reference":"R1","lines":[{"sku":"SKU-1","quantity":100001}]}""", "lines[0].quantity" },
        { """{"reference":"R1","lines":[{"sku":"SKU-1","quantity":1.5}]}""", "lines[0].quantity" },
        { """{"reference":"R1","lines":[{"sku":"SKU-1","quantity":"two"}]}""", "lines[0].quantity" },
        { """{"reference":"R1","lines":[{"sku":"bad sku!","quantity":1}]}""", "lines[0].sku" },
        { """{"reference":"R1","lines":[]}""", "lines" },
        { """{"reference":"","lines":[{"sku":"SKU-1","quantity":1}]}""", "reference" },
        { """{"lines":[{"sku":"SKU-1","quantity":1}]}""", "body" },
        { """{"reference":"R1","lines":[{"sku":"SKU-1","quantity":1}],"priority":"high"}""", "priority" },
        { """{"reference":"R1","lines":[{"sku":"SKU-1","quantity":1,"price":1}]}""", "lines[0].price" },
        { """{"reference":"R1","lines":[{"sku":"SKU-1","quantity":1}],"shipTo":{"name":"A","line1":"B","city":"C","country":"China"}}""", "shipTo.country" },
        { """{"reference":"R1","lines":"SKU-1"}""", "lines" },
        { """{"reference":"R1","lines":[null]}""", "lines" },
        { """{"reference":"R1","lines":[{"sku":"SKU-1","quantity":1},null]}""", "lines" },
        { """{"reference":"R1","lines":null}""", "lines" },
        { """{"reference":null,"lines":[{"sku":"SKU-1","quantity":1}]}""", "reference" },
        { """{"reference":"R1","lines":[{"sku":null,"quantity":1}]}""", "lines[0].sku" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task MalformedOrders_Are400NamingTheField_AndNoOrderIsWritten(string json, string field)
    {
        var session = await platform.NewPartnerSessionAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/orders") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var problem = await (await session.Client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
        Assert.Equal(0, await platform.WithDbAsync(db => db.Visible<Core.Orders.Order>().CountAsync(o => o.PartnerId == session.PartnerId)));
    }

    [Fact]
    public async Task MoreThan500Lines_Is400()
    {
        var session = await platform.NewPartnerSessionAsync();
        var lines = Enumerable.Range(0, 501).Select(i => ($"SKU-{i}", 1)).ToArray();

        var problem = await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-HUGE", lines))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["lines"]);
    }

    [Fact]
    public async Task TheSameSkuTwice_Is400NamingTheSecondLine()
    {
        var sku = await platform.CreateProductAsync(1.00m);
        var session = await platform.NewPartnerSessionAsync();

        var problem = await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-DUP-SKU", (sku, 1), (sku, 2)))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["lines[1].sku"]);
    }

    [Fact]
    public async Task UnknownAndInactiveSkus_Are422NamingEachLine_AndNoOrderIsWritten()
    {
        var active = await platform.CreateProductAsync(1.00m);
        var inactive = await platform.CreateProductAsync(1.00m, active: false);
        var session = await platform.NewPartnerSessionAsync();

        var problem = await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-UNKNOWN", (active, 1), ("NO-SUCH-SKU", 1), (inactive, 1))))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_sku");

        Assert.Null(problem["errors"]!["lines[0].sku"]);
        Assert.Contains("NO-SUCH-SKU", problem["errors"]!["lines[1].sku"]![0]!.GetValue<string>());
        Assert.Contains("no longer sold", problem["errors"]!["lines[2].sku"]![0]!.GetValue<string>());
        Assert.Equal(0, await platform.WithDbAsync(db => db.Visible<Core.Orders.Order>().CountAsync(o => o.Reference == "PO-UNKNOWN")));
    }

    [Fact]
    public async Task DuplicateReference_Is409()
    {
        var sku = await platform.CreateProductAsync(1.00m);
        var session = await platform.NewPartnerSessionAsync();
        (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-ONCE", (sku, 1)))).EnsureSuccessStatusCode();

        await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-ONCE", (sku, 2)))).ReadProblemAsync(HttpStatusCode.Conflict, "duplicate_reference");
    }

    [Fact]
    public async Task FrozenAndTerminatedPartners_Get403AccountFrozen_ButStillRead()
    {
        var sku = await platform.CreateProductAsync(1.00m);
        var session = await platform.NewPartnerSessionAsync();
        var existing = await session.PlaceOrderAsync((sku, 1));
        var admin = await platform.AdminClientAsync();
        (await admin.PatchAsJsonAsync($"/admin/v1/partners/{session.PartnerId}", new { status = "frozen" })).EnsureSuccessStatusCode();

        await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-FROZEN", (sku, 1)))).ReadProblemAsync(HttpStatusCode.Forbidden, "account_frozen");
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"/v1/orders/{existing["id"]}")).StatusCode);
    }

    [Fact]
    public async Task ExitingPartner_OrdersDuringTheBuffer_AndIsRefusedAfterIt()
    {
        await using var isolated = new PlatformFactory();
        await isolated.InitializeAsync();
        var sku = await isolated.CreateProductAsync(1.00m);
        var session = await isolated.NewPartnerSessionAsync();
        var admin = await isolated.AdminClientAsync();
        var exitDate = DateOnly.FromDateTime(isolated.Clock.GetUtcNow().UtcDateTime);
        (await admin.PatchAsJsonAsync($"/admin/v1/partners/{session.PartnerId}", new { status = "exiting", exitDate = exitDate.ToString("yyyy-MM-dd") })).EnsureSuccessStatusCode();

        await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-IN-BUFFER", (sku, 1)))).ReadJsonAsync(HttpStatusCode.Created);

        isolated.Clock.Advance(TimeSpan.FromDays(95));
        var token = await isolated.TokenAsync(session.Credential.ClientId, session.Credential.Secret);
        await (await isolated.ClientWithToken(token).PostOrderAsync(CommerceSetup.OrderBody("PO-AFTER-BUFFER", (sku, 1))))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "account_exited");
    }

    [Theory]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=%%%", "cursor")]
    [InlineData("status=lost", "status")]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    public async Task ListWithBadParameters_Is400(string query, string field)
    {
        var session = await platform.NewPartnerSessionAsync();

        var problem = await (await session.Client.GetAsync($"/v1/orders?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
    }

    [Fact]
    public async Task WritingOrders_NeedsOrdersWrite_ReadingNeedsOrdersRead()
    {
        var sku = await platform.CreateProductAsync(1.00m);
        var readOnly = await platform.NewPartnerSessionAsync(scopes: ["orders:read"]);
        var writeOnly = await platform.NewPartnerSessionAsync(scopes: ["orders:write"]);

        await (await readOnly.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-SCOPE", (sku, 1)))).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await writeOnly.Client.GetAsync("/v1/orders")).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
    }
}

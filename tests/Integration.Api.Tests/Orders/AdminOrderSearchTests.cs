using System.Net;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Credentials;

namespace Integration.Api.Tests.Orders;

/// <summary>Internal teams find orders across partners: newest first, by partner, environment, status and reference, paged.</summary>
public sealed class AdminOrderSearchTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    private async Task<JsonArray> ListAsync(HttpClient client, string query) =>
        (await (await client.GetAsync("/admin/v1/orders?" + query)).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

    private static IEnumerable<string> Ids(JsonArray page) => page.Select(o => o!["id"]!.GetValue<string>());

    [Fact]
    public async Task Orders_of_every_partner_are_listed_newest_first_and_narrowed_by_partner_environment_status_and_reference()
    {
        var sku = await platform.CreateProductAsync(12.50m);
        var first = await platform.NewPartnerSessionAsync();
        var second = await platform.NewPartnerSessionAsync();
        var older = await first.PlaceOrderAsync((sku, 2));
        platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = await second.PlaceOrderAsync((sku, 1));
        var reader = await platform.ClientWithRoleAsync(InternalRole.Viewer);

        var everyone = await ListAsync(reader, "limit=100");
        var (olderId, newerId) = (older["id"]!.GetValue<string>(), newer["id"]!.GetValue<string>());
        Assert.True(Ids(everyone).ToList().IndexOf(newerId) < Ids(everyone).ToList().IndexOf(olderId));

        var mine = Assert.Single(await ListAsync(reader, $"partnerId={first.PartnerId}"))!;
        Assert.Equal(olderId, mine["id"]!.GetValue<string>());
        Assert.Equal(first.PartnerId, mine["partnerId"]!.GetValue<string>());
        Assert.Equal("sandbox", mine["environment"]!.GetValue<string>());
        Assert.Equal(older["reference"]!.GetValue<string>(), mine["reference"]!.GetValue<string>());
        Assert.Equal("pending", mine["status"]!.GetValue<string>());
        Assert.Equal(older["total"]!.GetValue<decimal>(), decimal.Parse(mine["total"]!["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("CNY", mine["total"]!["currency"]!.GetValue<string>());
        Assert.Equal(1, mine["lineCount"]!.GetValue<int>());
        Assert.Null(mine["lines"]); // a summary: the lines are in the order itself

        Assert.Equal([newerId], Ids(await ListAsync(reader, $"reference={newer["reference"]!.GetValue<string>()}")));
        Assert.Empty(await ListAsync(reader, $"partnerId={first.PartnerId}&environment=live"));
        Assert.Empty(await ListAsync(reader, $"partnerId={first.PartnerId}&status=delivered"));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_gaps_or_repeats()
    {
        var sku = await platform.CreateProductAsync(3.00m);
        var session = await platform.NewPartnerSessionAsync();
        var placed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add((await session.PlaceOrderAsync((sku, 1)))["id"]!.GetValue<string>());
            platform.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var admin = await platform.AdminClientAsync();

        var seen = new List<string>();
        var url = $"/admin/v1/orders?partnerId={session.PartnerId}&limit=2";
        while (url is not null)
        {
            var page = await (await admin.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
            seen.AddRange(Ids(page["data"]!.AsArray()));
            url = page["nextCursor"] is { } cursor ? $"/admin/v1/orders?partnerId={session.PartnerId}&limit=2&cursor={Uri.EscapeDataString(cursor.GetValue<string>())}" : null;
        }

        Assert.Equal(placed.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task Partners_cannot_list_orders_across_partners_and_bad_filters_are_problems()
    {
        var session = await platform.NewPartnerSessionAsync();
        Assert.Contains((await session.Client.GetAsync("/admin/v1/orders")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        var admin = await platform.AdminClientAsync();

        await (await admin.GetAsync("/admin/v1/orders?environment=production")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/admin/v1/orders?status=lost")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/admin/v1/orders?partnerId=" + new string('p', 300))).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/admin/v1/orders?cursor=not-a-cursor")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}

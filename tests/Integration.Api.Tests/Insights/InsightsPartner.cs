using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Settlement;

namespace Integration.Api.Tests.Insights;

/// <summary>
/// A live partner of a <see cref="SettlementPlatform"/> whose orders name outlets and customers. Everything goes through
/// the API: outlets, customers, activity reports, events, orders, deliveries and returns.
/// </summary>
public sealed class InsightsPartner(SettlementPlatform platform, SettlementPartner partner, string sku)
{
    public SettlementPartner Partner => partner;
    public string Id => partner.Id;

    /// <summary>An advanced partner and a product whose unit net price is 500.00.</summary>
    public static async Task<InsightsPartner> StartAsync(SettlementPlatform platform)
    {
        var partner = await platform.NewPartnerAsync(tier: "advanced", rating: "B");
        return new InsightsPartner(platform, partner, await platform.ProductForAdvancedAsync(500m));
    }

    public async Task<string> OutletAsync(string regionCode, DateOnly openedOn)
    {
        var client = await partner.ClientAsync();
        var created = await (await client.PostAsJsonAsync("/v2/outlets",
            new { name = $"Outlet {regionCode}", regionCode, type = "store", openedOn })).ReadJsonAsync(HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    public async Task CustomerAsync(string externalId) =>
        await (await (await partner.ClientAsync()).PutAsJsonAsync($"/v2/customers/{externalId}", new { name = "Customer " + externalId }))
            .ReadJsonAsync(HttpStatusCode.Created);

    public async Task ActivityAsync(string outletId, DateOnly day, int footfall, int conversions) =>
        await (await (await partner.ClientAsync()).PutAsJsonAsync($"/v2/outlets/{outletId}/activity-reports/{day:yyyy-MM-dd}", new { footfall, conversions }))
            .ReadJsonAsync(HttpStatusCode.Created);

    /// <summary>Plans an event at one outlet, then records when it actually ran (its start as planned).</summary>
    public async Task EventAsync(string outletId, DateOnly start, DateOnly plannedEnd, DateOnly actualEnd, decimal cost)
    {
        var client = await partner.ClientAsync();
        var created = await (await client.PostAsJsonAsync("/v2/promotion-events",
            new { name = "Spring launch", outletIds = new[] { outletId }, plannedStart = start, plannedEnd, cost = cost.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/v2/promotion-events/{created["id"]!.GetValue<string>()}")
        {
            Content = JsonContent.Create(new { actualStart = start, actualEnd }),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", "\"v1\"");
        await (await client.SendAsync(patch)).ReadJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Places an order of <paramref name="amount"/> (a multiple of 500.00) and has it confirmed, shipped and delivered now.</summary>
    public async Task<string> DeliverAsync(decimal amount, string? outletId = null, string? customer = null)
    {
        var client = await partner.ClientAsync();
        var body = new Dictionary<string, object?>
        {
            ["reference"] = "PO-" + Guid.NewGuid().ToString("N")[..12],
            ["lines"] = new[] { new { sku, quantity = (int)(amount / 500m) } },
            ["outletId"] = outletId,
            ["customerExternalId"] = customer,
        };
        var order = await (await client.PostOrderAsync(body)).ReadJsonAsync(HttpStatusCode.Created);
        var id = order["id"]!.GetValue<string>();
        await (await platform.AdminMoveAsync(id, "confirm")).ReadJsonAsync(HttpStatusCode.OK);
        await (await platform.AdminMoveAsync(id, "ship", new { carrier = "SF", trackingNumber = "SF1" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await platform.AdminMoveAsync(id, "deliver")).ReadJsonAsync(HttpStatusCode.OK);
        return id;
    }

    public Task ReturnAsync(string orderId) => partner.ReturnOrderAsync(orderId);

    public async Task<JsonNode> KpisAsync(string period, string version = "v2") =>
        await (await GetAsync($"/{version}/insights/kpis?period={period}")).ReadJsonAsync(HttpStatusCode.OK);

    public async Task<HttpResponseMessage> GetAsync(string path) => await (await partner.ClientAsync()).GetAsync(path);
}

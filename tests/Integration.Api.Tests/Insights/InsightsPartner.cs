using System.Net;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Settlement;
using Integration.Core.Common;
using Integration.Core.Customers;
using Integration.Core.Outlets;

namespace Integration.Api.Tests.Insights;

/// <summary>
/// A live partner of a <see cref="SettlementPlatform"/> whose orders name outlets and customers. Orders, deliveries and
/// returns go through the API; outlets, customers, activity reports and events are written through the test host's
/// database, as their own APIs are built beside this one.
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
        var id = Ids.New("out");
        await platform.WithDbAsync(async db =>
        {
            var now = platform.Clock.GetUtcNow();
            db.Outlets.Add(new Outlet { Id = id, PartnerId = Id, Environment = ApiEnvironment.Live, Name = $"Outlet {regionCode}", RegionCode = regionCode, OpenedOn = openedOn, CreatedAt = now, UpdatedAt = now });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    public async Task CustomerAsync(string externalId) =>
        await platform.WithDbAsync(async db =>
        {
            var now = platform.Clock.GetUtcNow();
            db.Customers.Add(new Customer { Id = Ids.New("cus"), PartnerId = Id, Environment = ApiEnvironment.Live, ExternalId = externalId, CreatedAt = now, UpdatedAt = now });
            return await db.SaveChangesAsync();
        });

    public async Task ActivityAsync(string outletId, DateOnly day, int footfall, int conversions) =>
        await platform.WithDbAsync(async db =>
        {
            db.OutletDays.Add(new OutletDay { OutletId = outletId, Day = day, PartnerId = Id, Environment = ApiEnvironment.Live, Footfall = footfall, Conversions = conversions, ReportedAt = platform.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

    public async Task EventAsync(string outletId, DateOnly start, DateOnly plannedEnd, DateOnly actualEnd, decimal cost) =>
        await platform.WithDbAsync(async db =>
        {
            var now = platform.Clock.GetUtcNow();
            db.PromotionEvents.Add(new PromotionEvent
            {
                Id = Ids.New("pev"), PartnerId = Id, Environment = ApiEnvironment.Live, Name = "Spring launch", OutletIds = [outletId],
                PlannedStart = start, PlannedEnd = plannedEnd, ActualStart = start, ActualEnd = actualEnd, Cost = cost, CreatedAt = now, UpdatedAt = now,
            });
            return await db.SaveChangesAsync();
        });

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

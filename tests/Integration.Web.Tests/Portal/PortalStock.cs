using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Inventory;

namespace Integration.Web.Tests.Portal;

/// <summary>
/// Two sandbox partners as the inventory and transfer pages need them: the owner's 40 units at a location shared with
/// all partners (and 20 at one it shares with nobody), the requester's own location, and the brand's 120 units.
/// </summary>
public sealed record PortalStock(string Sku, PartnerSession Owner, PartnerSession Requester, string Shared, string Unshared, string Destination)
{
    public static async Task<PortalStock> ArrangeAsync(BrowserPlatform platform)
    {
        var sku = await platform.CreateProductAsync(8m);
        await platform.SetBrandStockAsync(sku, 120);
        var owner = await platform.NewPartnerSessionAsync();
        var requester = await platform.NewPartnerSessionAsync();
        var shared = await owner.CreateLocationAsync(extra: new { name = "Shared DC", type = "warehouse", regionCode = "CN-SH", sharing = "all_partners" });
        var unshared = await owner.CreateLocationAsync(extra: new { name = "Back store", type = "store", regionCode = "CN-SH" });
        (await owner.AdjustAsync(shared, sku, 40)).EnsureSuccessStatusCode();
        (await owner.AdjustAsync(unshared, sku, 20)).EnsureSuccessStatusCode();
        var destination = await requester.CreateLocationAsync(extra: new { name = "Beijing store", type = "store", regionCode = "CN-BJ" });
        (await requester.AdjustAsync(destination, sku, 12)).EnsureSuccessStatusCode();
        return new PortalStock(sku, owner, requester, shared, unshared, destination);
    }

    /// <summary>The requester asks the owner's shared location for <paramref name="quantity"/> units (POST /v2/transfers); the transfer's id.</summary>
    public async Task<string> RequestTransferAsync(int quantity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/transfers")
        {
            Content = JsonContent.Create(new { fromLocationId = Shared, toLocationId = Destination, sku = Sku, quantity }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return (await (await Requester.Client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }
}

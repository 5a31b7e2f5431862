using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Inventory;

public static class InventorySteps
{
    public static async Task<string> CreateLocationAsync(this PartnerSession session, string region = "CN-SH", object? extra = null)
    {
        var response = await session.Client.PostAsJsonAsync("/v2/locations", extra ?? new { name = "Pudong warehouse", type = "warehouse", regionCode = region });
        return (await response.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> AdjustAsync(this PartnerSession session, string locationId, string sku, int delta, string reason = "received", string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/inventory/adjustments")
        {
            Content = JsonContent.Create(new { locationId, sku, delta, reason }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return session.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SetStockAsync(this PartnerSession session, string locationId, string sku, int onHand, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/v2/locations/{locationId}/stock/{sku}") { Content = JsonContent.Create(new { onHand }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return session.Client.SendAsync(request);
    }

    public static async Task<JsonNode> StockAsync(this PartnerSession session, string locationId, string sku) =>
        await (await session.Client.GetAsync($"/v2/locations/{locationId}/stock/{sku}")).ReadJsonAsync(HttpStatusCode.OK);
}

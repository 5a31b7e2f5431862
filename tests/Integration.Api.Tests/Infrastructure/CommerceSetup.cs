using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Infrastructure;

/// <summary>Catalogue, stock and order steps through the real admin and partner APIs.</summary>
public static class CommerceSetup
{
    public static string NewSku(string prefix = "SKU") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    public static async Task<string> CreateProductAsync(this PlatformFactory platform, decimal listPrice, string? sku = null, bool active = true)
    {
        sku ??= NewSku();
        var admin = await platform.AdminClientAsync();
        (await admin.PostAsJsonAsync("/admin/v1/products", new { sku, name = $"Product {sku}", listPrice, active })).EnsureSuccessStatusCode();
        return sku;
    }

    public static async Task SetBrandStockAsync(this PlatformFactory platform, string sku, int onHand, string environment = "sandbox")
    {
        var admin = await platform.AdminClientAsync();
        var response = await admin.PutAsJsonAsync($"/admin/v1/brand-stock/{environment}/{sku}", new { onHand });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonNode> BrandStockAsync(this PlatformFactory platform, string sku, string environment = "sandbox")
    {
        var admin = await platform.AdminClientAsync();
        return await (await admin.GetAsync($"/admin/v1/brand-stock/{environment}/{sku}")).ReadJsonAsync(HttpStatusCode.OK);
    }

    public static object OrderBody(string reference, params (string Sku, int Quantity)[] lines) =>
        new { reference, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }).ToArray() };

    public static Task<HttpResponseMessage> PostOrderAsync(this HttpClient client, object body, string? key = null, string version = "v1")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/{version}/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static async Task<JsonNode> PlaceOrderAsync(this PartnerSession session, params (string Sku, int Quantity)[] lines)
    {
        var response = await session.Client.PostOrderAsync(OrderBody("PO-" + Guid.NewGuid().ToString("N")[..12], lines));
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> AdminMoveAsync(this PlatformFactory platform, string orderId, string action, object? body = null)
    {
        var admin = await platform.AdminClientAsync();
        return body is null
            ? await admin.PostAsync($"/admin/v1/orders/{orderId}/{action}", null)
            : await admin.PostAsJsonAsync($"/admin/v1/orders/{orderId}/{action}", body);
    }

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, string orderId, string? ifMatch, string version = "v1")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/{version}/orders/{orderId}/cancel");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Webhooks;
using Integration.Application.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Webhooks;

/// <summary>Webhook steps through the real partner API, and the real dispatcher run on demand.</summary>
public static class WebhookSetupSteps
{
    public static async Task<(string Id, string Secret)> SubscribeAsync(this PartnerSession session, string url, params string[] eventTypes)
    {
        var response = await session.Client.PostAsJsonAsync("/v1/webhooks",
            new { url, eventTypes = eventTypes.Length > 0 ? eventTypes : ["order.created", "order.status_changed"] });
        var json = await response.ReadJsonAsync(HttpStatusCode.Created);
        return (json["webhook"]!["id"]!.GetValue<string>(), json["secret"]!.GetValue<string>());
    }

    /// <summary>One pass of the dispatcher, as the background service runs it.</summary>
    public static Task<int> DispatchAsync(this PlatformFactory platform) =>
        platform.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(CancellationToken.None);

    public static async Task<JsonArray> DeliveriesAsync(this PartnerSession session, string subscriptionId) =>
        (await (await session.Client.GetAsync($"/v1/webhooks/{subscriptionId}/deliveries?limit=100")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

    public static async Task<JsonNode> WebhookAsync(this PartnerSession session, string subscriptionId) =>
        await (await session.Client.GetAsync($"/v1/webhooks/{subscriptionId}")).ReadJsonAsync(HttpStatusCode.OK);

    public static async Task<string> CommerceReadyAsync(this PlatformFactory platform)
    {
        var sku = await platform.CreateProductAsync(100m);
        await platform.SetBrandStockAsync(sku, 1_000);
        return sku;
    }
}

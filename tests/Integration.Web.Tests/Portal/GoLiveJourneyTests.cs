using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Webhooks;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

public sealed class GoLiveJourneyTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task An_owner_takes_a_sandbox_credential_sees_the_first_call_in_the_request_log_and_a_webhook_delivered_and_replayed()
    {
        using var receiver = new WebhookReceiver();
        var sku = await platform.CreateProductAsync(49.90m);
        await platform.SetBrandStockAsync(sku, 100);
        var partnerId = await platform.CreatePartnerAsync();
        var page = await platform.NewPageAsync();
        await platform.NewOwnerSignedInAsync(page, partnerId);
        await Assertions.Expect(page.GetByTestId("environment")).ToContainTextAsync("Sandbox");
        await Assertions.Expect(page.Locator("[data-step='sandbox_credentials']")).ToHaveAttributeAsync("data-done", "false");

        // Credentials: a restricted sandbox credential, its secret shown once.
        await page.GotoAsync("/portal/credentials");
        await page.GetByLabel("Name").FillAsync("Order sync");
        await page.Locator("input[name=scopes][value='orders:read']").CheckAsync();
        await page.Locator("input[name=scopes][value='orders:write']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a credential" }).ClickAsync();
        var clientId = await page.GetByTestId("new-client-id").InnerTextAsync();
        var secret = await page.GetByTestId("new-client-secret").InnerTextAsync();
        await BrowserPlatform.ScreenshotAsync(page, "portal-credentials");
        await page.GotoAsync("/portal/credentials");
        await Assertions.Expect(page.GetByTestId("new-client-secret")).ToHaveCountAsync(0); // shown once
        await Assertions.Expect(page.GetByTestId("credentials").Locator("tr", new() { HasText = clientId })).ToContainTextAsync("orders:read orders:write");
        Assert.DoesNotContain(secret, await page.ContentAsync());

        // The first call, made with that credential, appears in the request log.
        var api = platform.ClientWithToken(await platform.TokenAsync(clientId, secret));
        await (await api.GetAsync("/v2/orders")).ReadJsonAsync(HttpStatusCode.OK);
        await (await api.GetAsync("/v2/outlets")).ReadProblemAsync(HttpStatusCode.Forbidden); // a scope it does not hold
        await page.GotoAsync("/portal/request-log");
        var log = page.GetByTestId("request-log");
        await Assertions.Expect(log.Locator("tr", new() { HasText = "/v2/orders" })).ToContainTextAsync(clientId);
        await Assertions.Expect(log.Locator("tr", new() { HasText = "/v2/outlets" })).ToContainTextAsync("403");
        await BrowserPlatform.ScreenshotAsync(page, "portal-request-log");

        // A webhook: registered in the page, an order's event delivered, then replayed.
        await page.GotoAsync("/portal/webhooks");
        await page.GetByLabel("URL").FillAsync(receiver.Url);
        await page.Locator("input[name=eventTypes][value='order.created']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a webhook" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-secret")).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(page, "portal-webhooks");
        await (await api.PostOrderAsync(CommerceSetup.OrderBody("WEB-1", (sku, 2)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);
        await platform.DispatchAsync();
        await page.GetByTestId("webhooks").Locator("a").First.ClickAsync();
        var deliveries = page.GetByTestId("deliveries");
        await Assertions.Expect(deliveries.Locator("tr[data-succeeded='true']", new() { HasText = "order.created" })).ToHaveCountAsync(1);

        await page.GetByLabel("Replay from event number").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        await platform.DispatchAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test event" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("delivered");
        await Assertions.Expect(deliveries.Locator("tr[data-succeeded='true']", new() { HasText = "order.created" })).ToHaveCountAsync(2);
        await Assertions.Expect(deliveries.Locator("tr", new() { HasText = "webhook.test" })).ToHaveCountAsync(1);
        Assert.Equal(2, receiver.Received.Count(r => r.Type == "order.created"));
        await BrowserPlatform.ScreenshotAsync(page, "portal-webhook");

        await page.GotoAsync("/portal/orders");
        await Assertions.Expect(page.GetByTestId("orders").Locator("tr", new() { HasText = "WEB-1" })).ToContainTextAsync("74.86 CNY"); // 2 × 49.90 less the default 25 %, each unit rounded to the cent
        await BrowserPlatform.ScreenshotAsync(page, "portal-orders");

        await page.GotoAsync("/portal");
        foreach (var step in new[] { "sandbox_credentials", "first_call", "first_order", "webhook_delivered" })
        {
            await Assertions.Expect(page.Locator($"[data-step='{step}']")).ToHaveAttributeAsync("data-done", "true");
        }
        await Assertions.Expect(page.Locator("[data-step='live_credentials']")).ToHaveAttributeAsync("data-done", "false");
        await BrowserPlatform.ScreenshotAsync(page, "portal-home");
    }

    [Fact]
    public async Task A_partner_never_sees_another_partners_calls_or_orders()
    {
        var sku = await platform.CreateProductAsync(10m);
        await platform.SetBrandStockAsync(sku, 10);
        var other = await platform.NewPartnerSessionAsync("sandbox", null, "orders:read", "orders:write");
        await (await other.Client.PostOrderAsync(CommerceSetup.OrderBody("OTHER-1", (sku, 1)), version: "v2")).ReadJsonAsync(HttpStatusCode.Created);

        var page = await platform.NewPageAsync();
        await platform.NewOwnerSignedInAsync(page, await platform.CreatePartnerAsync());
        await page.GotoAsync("/portal/orders");
        await Assertions.Expect(page.GetByTestId("orders-empty")).ToBeVisibleAsync();
        await page.GotoAsync("/portal/request-log");
        await Assertions.Expect(page.GetByTestId("request-log-empty")).ToBeVisibleAsync();

        // A cursor that no list returned (a hand-edited address) is a clear 400, never a 500.
        var edited = await page.GotoAsync("/portal/orders?cursor=not-a-cursor");
        Assert.Equal(400, edited!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cursor");
    }
}

using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Web.Tests.Console;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

public sealed class FrozenAccountTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task A_level_3_dispute_freezes_the_partner_and_both_the_portal_and_the_console_show_it()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var credential = await platform.IssueCredentialAsync(partnerId, "live");
        var partner = platform.ClientWithToken(await platform.TokenAsync(credential.ClientId, credential.Secret));
        var sku = await platform.CreateProductAsync(Math.Round(800_000m / 0.75m, 2));
        await platform.SetBrandStockAsync(sku, 10, "live");
        var portal = await platform.NewPageAsync();
        await platform.NewOwnerSignedInAsync(portal, partnerId);
        await portal.Locator("#environment").SelectOptionAsync("live");
        await portal.Locator("[data-testid=environment-switch] button").ClickAsync();
        await Assertions.Expect(portal.GetByTestId("frozen-banner")).ToHaveCountAsync(0);

        var order = await (await partner.PostOrderAsync(CommerceSetup.OrderBody("PO-FREEZE", (sku, 1)))).ReadJsonAsync(HttpStatusCode.Created);
        await (await partner.PostAsJsonAsync("/v2/disputes", new { orderId = order["id"]!.GetValue<string>(), amount = "500000.01", reason = "Goods arrived damaged" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        await portal.ReloadAsync();
        await Assertions.Expect(portal.GetByTestId("frozen-banner")).ToContainTextAsync("level-3 dispute");
        await BrowserPlatform.ScreenshotAsync(portal, "portal-frozen");
        await portal.Locator("#environment").SelectOptionAsync("sandbox");
        await portal.Locator("[data-testid=environment-switch] button").ClickAsync();
        await Assertions.Expect(portal.GetByTestId("frozen-banner")).ToHaveCountAsync(0); // the dispute is a live one

        var (console, _) = await platform.SignedInAsync("viewer");
        await console.GotoAsync($"/console/partners/{partnerId}");
        await Assertions.Expect(console.GetByTestId("trading-live")).ToContainTextAsync("level-3 dispute");
    }
}

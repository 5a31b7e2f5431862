using Integration.Api.Tests.Inventory;
using Integration.Core.Partners;
using Integration.Web.Tests.Console;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

public sealed class PortalInventoryTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task The_owner_sees_its_stock_what_others_share_and_requests_a_transfer_that_a_viewer_cannot_forge()
    {
        var s = await PortalStock.ArrangeAsync(platform);
        var (page, ownerEmail) = await platform.OwnerSignedInAsync(s.Requester.PartnerId);

        await page.GetByRole(AriaRole.Link, new() { Name = "Inventory" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/inventory");
        var own = page.GetByTestId("locations").Locator($"tr[data-location='{s.Destination}']");
        await Assertions.Expect(own.GetByTestId("sharing")).ToHaveTextAsync("Nobody");
        await own.GetByRole(AriaRole.Link, new() { Name = "Stock" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stock").Locator($"tr[data-sku='{s.Sku}'] [data-testid=on-hand]")).ToHaveTextAsync("12");

        await page.GetByLabel("SKU").FillAsync(s.Sku);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("brand-available")).ToHaveTextAsync("The brand's available stock: 120");
        var shared = page.GetByTestId("shared").Locator("tbody tr");
        await Assertions.Expect(shared).ToHaveCountAsync(1); // the owner's unshared store is not shown
        await Assertions.Expect(shared.First).ToHaveAttributeAsync("data-location", s.Shared);
        await Assertions.Expect(shared.GetByTestId("available")).ToHaveTextAsync("40");

        await shared.GetByLabel("Quantity").FillAsync("6");
        await shared.GetByRole(AriaRole.Button, new() { Name = "Request a transfer" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveTextAsync($"Transfer requested: 6 × {s.Sku}, reserved at the other partner's location.");
        await Assertions.Expect(page.GetByTestId("shared").Locator("tbody tr [data-testid=available]")).ToHaveTextAsync("34");
        await BrowserPlatform.ScreenshotAsync(page, "portal-inventory");
        Assert.Equal(6, (await s.Owner.StockAsync(s.Shared, s.Sku))["reserved"]!.GetValue<int>());

        var viewer = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Viewer);
        await viewer.GotoAsync($"/portal/inventory?sku={s.Sku}");
        await Assertions.Expect(viewer.GetByTestId("shared").Locator("tbody tr [data-testid=available]")).ToHaveTextAsync("34");
        await Assertions.Expect(viewer.Locator("main form[method=post]")).ToHaveCountAsync(0);
        var forged = await ConsolePages.ForgedPostAsync(viewer, $"/portal/inventory?sku={s.Sku}", "request-" + s.Shared,
            ("toLocationId", s.Destination), ("quantity", "5"));
        Assert.Equal(403, forged.Status);
        Assert.Equal(1, await platform.WithDbAsync(db => db.Transfers.CountAsync(t => t.RequesterPartnerId == s.Requester.PartnerId)));
        Assert.Equal(6, (await s.Owner.StockAsync(s.Shared, s.Sku))["reserved"]!.GetValue<int>());
    }
}

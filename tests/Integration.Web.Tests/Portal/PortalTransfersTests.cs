using Integration.Api.Tests.Inventory;
using Integration.Core.Inventory;
using Integration.Core.Partners;
using Integration.Web.Tests.Console;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

public sealed class PortalTransfersTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task The_owner_accepts_and_rejects_transfers_asking_for_its_stock_and_a_viewers_forged_accept_changes_nothing()
    {
        var s = await PortalStock.ArrangeAsync(platform);
        var accepted = await s.RequestTransferAsync(7);
        var rejected = await s.RequestTransferAsync(5);
        var waiting = await s.RequestTransferAsync(3);
        var (page, ownerEmail) = await platform.OwnerSignedInAsync(s.Owner.PartnerId);

        await page.GetByRole(AriaRole.Link, new() { Name = "Transfers" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/transfers");
        var rows = page.GetByTestId("transfers").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        var first = page.Locator($"tr[data-transfer='{accepted}']");
        await Assertions.Expect(first.GetByTestId("quantity")).ToHaveTextAsync("7");
        await Assertions.Expect(first.GetByTestId("status")).ToHaveTextAsync("Requested");
        await Assertions.Expect(first.GetByTestId("counterparty")).ToContainTextAsync(s.Destination);

        await first.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveTextAsync("Transfer accepted: the units have moved.");
        await Assertions.Expect(page.Locator($"tr[data-transfer='{accepted}'] [data-testid=status]")).ToHaveTextAsync("Accepted");
        var second = page.Locator($"tr[data-transfer='{rejected}']");
        await second.GetByLabel("Reason").FillAsync("Kept for a launch");
        await second.GetByTestId("reject").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveTextAsync("Transfer rejected: the reservation is released.");
        await Assertions.Expect(page.Locator($"tr[data-transfer='{rejected}'] [data-testid=status]")).ToHaveTextAsync("Rejected");
        await Assertions.Expect(page.Locator($"tr[data-transfer='{rejected}']")).ToContainTextAsync("Kept for a launch");
        await BrowserPlatform.ScreenshotAsync(page, "portal-transfers");

        var source = await s.Owner.StockAsync(s.Shared, s.Sku);
        Assert.Equal((33, 3), (source["onHand"]!.GetValue<int>(), source["reserved"]!.GetValue<int>())); // 40 − 7 moved; 3 still asked for
        Assert.Equal(19, (await s.Requester.StockAsync(s.Destination, s.Sku))["onHand"]!.GetValue<int>());

        var viewer = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Viewer);
        await viewer.GotoAsync("/portal/transfers");
        await Assertions.Expect(viewer.Locator($"tr[data-transfer='{waiting}'] [data-testid=status]")).ToHaveTextAsync("Requested");
        await Assertions.Expect(viewer.Locator("main form[method=post]")).ToHaveCountAsync(0);
        var forged = await ConsolePages.ForgedPostAsync(viewer, "/portal/transfers", "accept-" + waiting);
        Assert.Equal(403, forged.Status);
        Assert.Equal(TransferStatus.Requested, await platform.WithDbAsync(db => db.Transfers.Where(t => t.Id == waiting).Select(t => t.Status).SingleAsync()));
        Assert.Equal(33, (await s.Owner.StockAsync(s.Shared, s.Sku))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_requester_sees_its_request_as_asked_of_the_other_partner_with_nothing_to_decide()
    {
        var s = await PortalStock.ArrangeAsync(platform);
        var id = await s.RequestTransferAsync(4);
        var (page, _) = await platform.OwnerSignedInAsync(s.Requester.PartnerId);

        await page.GotoAsync("/portal/transfers?direction=outgoing");
        var row = page.Locator($"tr[data-transfer='{id}']");
        await Assertions.Expect(row.GetByTestId("quantity")).ToHaveTextAsync("4");
        await Assertions.Expect(row.GetByTestId("counterparty")).ToContainTextAsync(s.Shared);
        await Assertions.Expect(row.GetByTestId("accept")).ToHaveCountAsync(0);
        await page.GotoAsync("/portal/transfers?direction=incoming");
        await Assertions.Expect(page.GetByTestId("transfers-empty")).ToBeVisibleAsync();
    }
}

using Integration.Core.Disputes;
using Integration.Core.Orders;
using Integration.Core.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

/// <summary>Portal › Disputes: finance opens and follows the partner's disputes, timed by the environment's clock; other roles read.</summary>
public sealed class DisputesPageTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    /// <summary>A qualified partner's owner, whose sandbox is seeded (its orders are there to dispute); the seed's newest order.</summary>
    private async Task<(string PartnerId, string OwnerEmail, IPage OwnerPage, string OrderId, decimal OrderTotal)> SeededPartnerAsync()
    {
        var partnerId = await platform.CreatePartnerAsync(Api.Tests.Infrastructure.PlatformFactory.PartnerBody(qualified: true));
        var ownerPage = await platform.NewPageAsync();
        var (ownerEmail, _) = await platform.NewOwnerSignedInAsync(ownerPage, partnerId);
        await ownerPage.GotoAsync("/portal/sandbox");
        var order = await platform.WithDbAsync(db => db.Visible<Order>().Where(o => o.PartnerId == partnerId && o.Reference == "SBX-SEED-006").SingleAsync());
        return (partnerId, ownerEmail, ownerPage, order.Id, order.Total);
    }

    [Fact]
    public async Task Finance_opens_a_dispute_sees_its_level_amount_and_deadline_and_follows_it_on_the_sandbox_clock()
    {
        var (partnerId, ownerEmail, ownerPage, orderId, total) = await SeededPartnerAsync();
        var page = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Finance);
        await page.GetByRole(AriaRole.Link, new() { Name = "Disputes", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/disputes");
        await Assertions.Expect(page.GetByTestId("disputes-empty")).ToBeVisibleAsync();

        await page.GetByLabel("Order id").FillAsync(orderId);
        await page.GetByLabel("Amount").FillAsync((total + 1m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Reason").FillAsync("Two caps arrived damaged");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a dispute" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("is more than the order total");

        await page.GetByLabel("Order id").FillAsync(orderId);
        await page.GetByLabel("Amount").FillAsync("12.50");
        await page.GetByLabel("Reason").FillAsync("Two caps arrived damaged");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a dispute" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dispute-opened")).ToContainTextAsync("at level 1");
        var dispute = await platform.WithDbAsync(db => db.Visible<Dispute>().SingleAsync(d => d.PartnerId == partnerId));
        var row = page.Locator($"tr[data-dispute='{dispute.Id}']");
        await Assertions.Expect(row.GetByTestId("amount")).ToHaveTextAsync("12.50 CNY");
        await Assertions.Expect(row.GetByTestId("level")).ToHaveTextAsync("Level 1 · regional manager");
        await Assertions.Expect(row).ToContainTextAsync("open");
        await Assertions.Expect(row.GetByTestId("sla")).ToContainTextAsync(" left");
        await BrowserPlatform.ScreenshotAsync(page, "portal-disputes");

        // The owner moves the sandbox clock past the 48-hour deadline: the dispute is overdue on the sandbox's time.
        await ownerPage.GotoAsync("/portal/sandbox");
        await ownerPage.GetByLabel("Advance by").FillAsync("50");
        await ownerPage.GetByLabel("Unit").SelectOptionAsync("hours");
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Advance the clock" }).ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("clock-offset")).ToHaveTextAsync("2 d 2 h 0 min");

        await page.GetByRole(AriaRole.Link, new() { Name = dispute.Id }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dispute-status")).ToHaveTextAsync("open");
        await Assertions.Expect(page.GetByTestId("amount")).ToHaveTextAsync("12.50 CNY");
        await Assertions.Expect(page.GetByTestId("sla")).ToContainTextAsync("Overdue by 2 h");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Level 1, assigned to regional_manager.");
        await BrowserPlatform.ScreenshotAsync(page, "portal-dispute");
    }

    [Fact]
    public async Task A_developer_reads_disputes_sees_no_form_and_a_forged_post_opens_none()
    {
        var (partnerId, ownerEmail, _, orderId, _) = await SeededPartnerAsync();
        var page = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Developer);
        await page.GotoAsync("/portal/disputes");
        await Assertions.Expect(page.GetByTestId("disputes-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);

        var form = page.Context.APIRequest.CreateFormData();
        form.Set("_handler", "open-dispute");
        form.Set("__RequestVerificationToken", (await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value"))!);
        form.Set("orderId", orderId);
        form.Set("amount", "1.00");
        form.Set("reason", "Forged");
        var forged = await page.APIRequest.PostAsync("/portal/disputes", new() { Form = form });

        Assert.InRange(forged.Status, 400, 403);
        Assert.Equal(0, await platform.WithDbAsync(db => db.Visible<Dispute>().CountAsync(d => d.PartnerId == partnerId)));
    }
}

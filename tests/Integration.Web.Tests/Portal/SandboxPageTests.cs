using Integration.Core.Orders;
using Integration.Core.Partners;
using Integration.Sandbox.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

/// <summary>Portal › Sandbox: the partner's clock, scenarios, simulators and reset, through the services the sandbox API calls.</summary>
public sealed class SandboxPageTests(SandboxBrowserPlatform platform) : IClassFixture<SandboxBrowserPlatform>
{
    private async Task<(string PartnerId, string OwnerEmail)> PartnerWithOwnerAsync()
    {
        var partnerId = await platform.CreatePartnerAsync(Api.Tests.Infrastructure.PlatformFactory.PartnerBody(qualified: true));
        var (ownerEmail, _) = await platform.NewOwnerSignedInAsync(await platform.NewPageAsync(), partnerId);
        return (partnerId, ownerEmail);
    }

    private static async Task AdvanceAsync(IPage page, string amount, string unit)
    {
        await page.GetByLabel("Advance by").FillAsync(amount);
        await page.GetByLabel("Unit").SelectOptionAsync(unit);
        await page.GetByRole(AriaRole.Button, new() { Name = "Advance the clock" }).ClickAsync();
    }

    private static ILocator Scenario(IPage page, string name) => page.Locator($"tr[data-scenario={name}]");

    [Fact]
    public async Task A_developer_advances_the_clock_runs_scenarios_follows_a_background_advance_reads_the_simulators_and_resets()
    {
        var (partnerId, ownerEmail) = await PartnerWithOwnerAsync();
        var page = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Developer);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sandbox", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/sandbox");
        await Assertions.Expect(page.GetByTestId("clock-offset")).ToHaveTextAsync("0 d 0 h 0 min");

        await AdvanceAsync(page, "800", "days");
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("at most 2 years");
        await AdvanceAsync(page, "99999999", "weeks");
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Give a whole number");
        await Assertions.Expect(page.GetByTestId("clock-offset")).ToHaveTextAsync("0 d 0 h 0 min");

        // The seed's pending order confirms a day after it was placed, its confirmed one ships two days after confirming.
        await AdvanceAsync(page, "2", "days");
        await Assertions.Expect(page.GetByTestId("advance-ran")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ran-confirmed")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("ran-shipped")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("clock-offset")).ToHaveTextAsync("2 d 0 h 0 min");

        for (var i = 0; i < 2; i++)
        {
            await Scenario(page, "out_of_stock").GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("scenario-ran")).ToContainTextAsync("409 insufficient_stock");
            await Assertions.Expect(page.GetByTestId("scenario-ran")).ToContainTextAsync("The order stays pending.");
        }
        var heldBack = await platform.WithDbAsync(db => db.Visible<Order>().Where(o => o.PartnerId == partnerId && o.Reference.StartsWith("SBX-OOS-")).Select(o => o.Id).ToListAsync());
        Assert.Equal(2, heldBack.Count);

        // Two out-of-stock orders put more order steps in the next 30 days than the sandbox runs in a request: the advance runs in the background.
        await AdvanceAsync(page, "30", "days");
        await Assertions.Expect(page.GetByTestId("advance")).ToHaveAttributeAsync("data-status", "advancing");
        await Assertions.Expect(page.GetByTestId("advance-progress")).ToContainTextAsync("0 of ");
        await Assertions.Expect(page.GetByTestId("clock-offset")).ToHaveTextAsync("32 d 0 h 0 min"); // the clock is there already
        // Meanwhile nothing of the sandbox changes, as the API answers 409 clock_advancing.
        await Scenario(page, "out_of_stock").GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("is advancing");

        Assert.Equal(1, await platform.Services.GetRequiredService<ClockAdvanceRunner>().RunOnceAsync(CancellationToken.None));
        await page.GetByTestId("advance-refresh").ClickAsync();
        await Assertions.Expect(page.GetByTestId("advance")).ToHaveAttributeAsync("data-status", "ready");
        foreach (var order in heldBack)
        {
            await Assertions.Expect(page.Locator($"[data-held-back='{order}']")).ToContainTextAsync("insufficient_stock");
        }
        await Assertions.Expect(page.GetByTestId("advance-refresh")).ToHaveCountAsync(0);
        await BrowserPlatform.ScreenshotAsync(page, "portal-sandbox");

        await Scenario(page, "carrier_modes").Locator("select").SelectOptionAsync("failing");
        await Scenario(page, "carrier_modes").GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("scenario-ran")).ToContainTextAsync("mode failing");

        // The carrier was asked about the seed's parcels; the newest call comes first.
        await page.GetByRole(AriaRole.Link, new() { Name = "carrier (Mode: failing)" }).ClickAsync();
        var newest = await platform.WithDbAsync(db => db.SimulatorCalls.Where(c => c.PartnerId == partnerId && c.Simulator == "carrier")
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        await Assertions.Expect(page.GetByTestId("simulator-calls").Locator("tbody tr").First).ToHaveAttributeAsync("data-call", newest);
        await Assertions.Expect(page.GetByTestId("simulator-calls")).ToContainTextAsync("/carrier/");

        await page.GetByLabel("I understand").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset the sandbox" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("scenario-ran")).ToContainTextAsync("reset to its seed");
        await Assertions.Expect(page.GetByTestId("clock-offset")).ToHaveTextAsync("0 d 0 h 0 min");
        // The seed's history is planted again (its payout went to the bank gateway); the carrier heard nothing since.
        await page.GetByRole(AriaRole.Link, new() { Name = "carrier (Mode: healthy)" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("calls-empty")).ToBeVisibleAsync();
        Assert.Equal(0, await platform.WithDbAsync(db => db.Visible<Order>().CountAsync(o => o.PartnerId == partnerId && o.Reference.StartsWith("SBX-OOS-"))));
    }

    [Fact]
    public async Task A_viewer_reads_the_sandbox_sees_no_form_and_a_forged_advance_or_reset_changes_nothing()
    {
        var (partnerId, ownerEmail) = await PartnerWithOwnerAsync();
        var page = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Viewer);
        await page.GotoAsync("/portal/sandbox");
        await Assertions.Expect(page.GetByTestId("clock-now")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("scenarios")).ToContainTextAsync("out_of_stock");
        await Assertions.Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);

        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        foreach (var (handler, field, value) in new[] { ("advance-clock", "amount", "30"), ("reset-sandbox", "confirm", "reset"), ("run-out_of_stock", "mode", "") })
        {
            var form = page.Context.APIRequest.CreateFormData();
            form.Set("_handler", handler);
            form.Set("__RequestVerificationToken", token!);
            form.Set(field, value);
            form.Set("unit", "days");
            var forged = await page.APIRequest.PostAsync("/portal/sandbox", new() { Form = form });
            Assert.InRange(forged.Status, 400, 403);
        }
        var world = await platform.WithDbAsync(db => db.SandboxWorlds.SingleAsync(w => w.PartnerId == partnerId));
        Assert.Equal(TimeSpan.Zero, world.ClockOffset);
        Assert.Equal(0, await platform.WithDbAsync(db => db.Visible<Order>().CountAsync(o => o.PartnerId == partnerId && o.Reference.StartsWith("SBX-OOS-"))));
    }

    [Fact]
    public async Task In_live_the_sandbox_is_not_in_the_menu_and_its_page_only_says_to_switch()
    {
        var (_, ownerEmail) = await PartnerWithOwnerAsync();
        var page = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Developer);
        await page.Locator("#environment").SelectOptionAsync("live");
        await page.Locator("[data-testid=environment-switch] button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("environment")).ToContainTextAsync("Live");
        await Assertions.Expect(page.Locator("nav a[href='/portal/sandbox']")).ToHaveCountAsync(0);
        await page.GotoAsync("/portal/sandbox");
        await Assertions.Expect(page.GetByTestId("sandbox-only")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("advance-form")).ToHaveCountAsync(0);
    }
}

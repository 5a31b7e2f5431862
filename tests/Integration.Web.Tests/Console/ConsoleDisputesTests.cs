using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Integration.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsoleDisputesTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task The_board_shows_open_disputes_by_level_with_the_level_1_timer_running_out_and_a_level_3_freezing_the_partner()
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var credential = await platform.IssueCredentialAsync(partnerId, "live");
        var partner = platform.ClientWithToken(await platform.TokenAsync(credential.ClientId, credential.Secret));
        var sku = await platform.CreateProductAsync(Math.Round(800_000m / 0.75m, 2));
        await platform.SetBrandStockAsync(sku, 100, "live");
        var levelOne = await OpenAsync(partner, sku, "10.00");
        var levelTwo = await OpenAsync(partner, sku, "100000.00");
        var levelThree = await OpenAsync(partner, sku, "500000.01"); // last: it freezes ordering
        var (page, _) = await platform.SignedInAsync("viewer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Disputes" }).ClickAsync();
        await page.WaitForURLAsync("**/console/disputes");
        var one = page.GetByTestId("level-1").Locator($"tr[data-dispute='{levelOne}']");
        await Assertions.Expect(one.GetByTestId("sla")).ToHaveTextAsync(new Regex(@"^(48 h 0|47 h 5\d) min left$")); // the platform's clock ticks on a little while the test runs
        await Assertions.Expect(page.GetByTestId("level-2").Locator($"tr[data-dispute='{levelTwo}'] [data-testid='sla']")).ToHaveTextAsync("No deadline");
        await Assertions.Expect(page.GetByTestId("level-3").Locator($"tr[data-dispute='{levelThree}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#level-3-title")).ToHaveTextAsync("Level 3 · risk committee (1)");
        Assert.Equal(0, await page.Locator("main button").CountAsync());

        // The cookie slides every 8 hours: the person keeps the board open while the deadline passes.
        for (var hours = 0; hours < 49; hours += 7)
        {
            platform.Clock.Advance(TimeSpan.FromHours(7));
            await page.ReloadAsync();
        }
        await Assertions.Expect(one).ToHaveAttributeAsync("data-overdue", "true");
        await Assertions.Expect(one.GetByTestId("sla")).ToHaveTextAsync(new Regex(@"^Overdue by (0 h 5\d|1 h [0-5]) min$"));
        await BrowserPlatform.ScreenshotAsync(page, "console-disputes");

        await page.GetByTestId("level-3").Locator($"tr[data-dispute='{levelThree}'] a").ClickAsync();
        await page.WaitForURLAsync($"**/console/partners/{partnerId}");
        await Assertions.Expect(page.GetByTestId("trading-live")).ToHaveTextAsync("A level-3 dispute is open: the account is frozen until it is resolved");
        await Assertions.Expect(page.GetByTestId("trading-sandbox")).ToHaveTextAsync("May trade");
    }

    [Fact]
    public async Task The_board_speaks_simplified_chinese_when_the_person_chooses_it()
    {
        var (page, _) = await platform.SignedInAsync("regional_manager");

        await page.Locator("#culture").SelectOptionAsync("zh-CN");
        await page.Locator("form[action='/culture'] button").ClickAsync();
        await page.GotoAsync("/console/disputes");

        await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("未结争议");
        await Assertions.Expect(page.Locator("#level-1-title")).ToContainTextAsync("1 级 · 区域经理");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "争议" })).ToBeVisibleAsync();
    }

    private static async Task<string> OpenAsync(HttpClient partner, string sku, string amount)
    {
        var order = await (await partner.PostOrderAsync(CommerceSetup.OrderBody("PO-" + Guid.NewGuid().ToString("N")[..12], (sku, 1)))).ReadJsonAsync(HttpStatusCode.Created);
        var dispute = await (await partner.PostAsJsonAsync("/v2/disputes", new { orderId = order["id"]!.GetValue<string>(), amount, reason = "Goods arrived damaged" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return dispute["id"]!.GetValue<string>();
    }
}

using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

/// <summary>The header's forms work from a portal page as they do from the console's: they post outside /portal.</summary>
public sealed class PortalHeaderTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task A_partner_user_switches_the_language_and_signs_out_from_a_portal_page()
    {
        var page = await platform.NewPageAsync();
        await platform.NewOwnerSignedInAsync(page, await platform.CreatePartnerAsync());
        await page.GotoAsync("/portal/orders");

        await page.SelectOptionAsync("#culture", "zh-CN");
        await page.Locator("form[action='/culture'] button").ClickAsync();

        await page.WaitForURLAsync("**/portal/orders");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.Locator("form[action='/signout'] button").ClickAsync();
        await page.WaitForURLAsync("**/signin**");
        var after = await page.GotoAsync("/portal");
        Assert.Contains("/signin", after!.Url);
    }
}

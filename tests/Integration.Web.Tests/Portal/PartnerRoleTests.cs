using Integration.Core.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

public sealed class PartnerRoleTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task A_viewer_sees_no_button_that_changes_anything_and_a_forged_post_is_refused()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var page = await platform.NewPageAsync();
        await platform.NewPartnerUserSignedInAsync(page, partnerId, PartnerRole.Viewer);

        foreach (var path in new[] { "/portal/credentials", "/portal/webhooks" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);
        }
        await BrowserPlatform.ScreenshotAsync(page, "portal-credentials-viewer");

        // What a tampered page would send: the viewer's own cookie and antiforgery token, the owner's form.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("_handler", "create-credential");
        form.Set("__RequestVerificationToken", token!);
        form.Set("name", "Forged");
        form.Set("scopes", "orders:read");
        var forged = await page.APIRequest.PostAsync("/portal/credentials", new() { Form = form });

        Assert.InRange(forged.Status, 400, 403);
        var credentials = await platform.WithDbAsync(db => db.Credentials.CountAsync(c => c.PartnerId == partnerId && c.Name == "Forged"));
        Assert.Equal(0, credentials);
    }

    [Fact]
    public async Task The_environment_switch_shows_live_data_only_in_live_and_says_so_on_every_page()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var page = await platform.NewPageAsync();
        await platform.NewOwnerSignedInAsync(page, partnerId);
        await page.GotoAsync("/portal/credentials");
        await page.GetByLabel("Name").FillAsync("Sandbox only");
        await page.Locator("input[name=scopes][value='orders:read']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a credential" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-client-id")).ToBeVisibleAsync();

        await page.Locator("#environment").SelectOptionAsync("live");
        await page.Locator("[data-testid=environment-switch] button").ClickAsync();
        await page.WaitForURLAsync("**/portal/credentials");
        await Assertions.Expect(page.GetByTestId("environment")).ToContainTextAsync("Live");
        await Assertions.Expect(page.GetByTestId("credentials")).ToHaveCountAsync(0); // the sandbox credential is not a live one
    }
}

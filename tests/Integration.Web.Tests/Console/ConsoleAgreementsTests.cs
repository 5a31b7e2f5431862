using Integration.Api.Tests.Agreements;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsoleAgreementsTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task Two_rounds_are_listed_their_changed_lines_shown_and_the_signed_one_carries_who_signed_what_when()
    {
        var partnerId = await platform.OnboardingPartnerAsync();
        var first = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(tier: "basic", discount: 0.12m, target: 800_000m));
        var second = await platform.DraftAsync(partnerId, AgreementPlatform.Terms(tier: "basic", discount: 0.15m, target: 800_000m, paymentTermDays: 45));
        (await platform.SignEverythingAsync(partnerId, second["id"]!.GetValue<string>())).EnsureSuccessStatusCode();
        var (page, _) = await platform.SignedInAsync("viewer");

        await page.GotoAsync($"/console/partners/{partnerId}");
        // The partner's page leads there (followed by address: a click racing the page's own load was lost once on a busy machine).
        Assert.Equal($"/console/partners/{partnerId}/agreements", await page.GetByTestId("agreements").GetAttributeAsync("href"));
        await page.GotoAsync($"/console/partners/{partnerId}/agreements");
        var versions = page.GetByTestId("versions").Locator("tbody tr");
        await Assertions.Expect(versions).ToHaveCountAsync(2);
        await Assertions.Expect(versions.Nth(0).GetByTestId("version-status")).ToHaveTextAsync("Superseded");
        await Assertions.Expect(versions.Nth(1).GetByTestId("version-status")).ToHaveTextAsync("Signed, in force");

        // Unless two are chosen, the page compares the last two rounds.
        var diff = page.GetByTestId("diff").Locator("div");
        await Assertions.Expect(diff).ToHaveTextAsync(["- discountRate: 0.12", "+ discountRate: 0.15", "- paymentTermDays: default", "+ paymentTermDays: 45"]);

        var signatures = page.GetByTestId("signatures").Locator("tbody tr");
        await Assertions.Expect(signatures).ToHaveCountAsync(4);
        await Assertions.Expect(signatures.Nth(0)).ToContainTextAsync("Agreement");
        await Assertions.Expect(signatures.Nth(0)).ToContainTextAsync("Brand");
        await Assertions.Expect(signatures.Nth(0).GetByTestId("signer")).ToHaveTextAsync("Zhang Min (Legal counsel)");
        await Assertions.Expect(signatures.Nth(1).GetByTestId("signer")).ToHaveTextAsync("Chen Hui (General manager)");
        await Assertions.Expect(page.Locator("[data-signature][data-number='1']")).ToHaveCountAsync(0);
        await BrowserPlatform.ScreenshotAsync(page, "console-agreements");

        await page.Locator("select[name='from']").SelectOptionAsync(second["id"]!.GetValue<string>());
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-changes")).ToHaveTextAsync("Versions 2 and 2 have the same terms.");
        Assert.Equal(first["id"]!.GetValue<string>(), await versions.Nth(0).GetAttributeAsync("data-version"));

        var unknown = await page.GotoAsync("/console/partners/ptn_unknown/agreements");
        Assert.Equal(404, unknown!.Status);
    }
}

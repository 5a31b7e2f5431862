using Integration.Api.Tests.Onboarding;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsoleApplicationsTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task An_onboarding_reviewer_takes_an_application_from_the_queue_judges_its_checklist_and_approves_it()
    {
        var applicant = await platform.CreateApplicationAsync();
        var uploaded = await applicant.Client.UploadAsync("business_licence", OnboardingSteps.Pdf("91310000MA1FL0000X"), "licence.pdf");
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        var (page, person) = await platform.SignedInAsync("onboarding");

        await page.GotoAsync("/console/applications?status=submitted");
        await BrowserPlatform.ScreenshotAsync(page, "console-applications");
        await page.Locator($"[data-application='{applicant.ApplicationId}'] a").ClickAsync();
        await page.WaitForURLAsync($"**/console/applications/{applicant.ApplicationId}");
        await Assertions.Expect(page.GetByTestId("documents").Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GetByTestId("start-review").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("in_review");
        var rows = page.GetByTestId("checklist").Locator("tbody tr");
        Assert.True(await rows.CountAsync() > 0);
        // The reviewer judges what the platform could not (a licence without an expiry date, the regions' coverage), one post each.
        var pending = await rows.EvaluateAllAsync<string[]>("rows => rows.filter(r => r.dataset.verdict === 'pending').map(r => r.dataset.criterion)");
        Assert.Contains("licence_valid", pending);
        foreach (var criterion in pending)
        {
            var row = page.Locator($"tr[data-criterion='{criterion}']");
            await row.Locator("select[name='verdict']").SelectOptionAsync("met");
            await row.Locator("input[name='note']").FillAsync("Checked against the uploaded documents.");
            await row.GetByTestId("record-verdict").ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-criterion='{criterion}']")).ToHaveAttributeAsync("data-verdict", "met");
        }
        await Assertions.Expect(page.Locator("tr[data-criterion='licence_valid'] td").Nth(4)).ToHaveTextAsync(person.Email);
        await BrowserPlatform.ScreenshotAsync(page, "console-application");

        await page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("approved_for_negotiation");
        await Assertions.Expect(page.GetByTestId("approve")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Approving_before_the_checklist_is_judged_shows_the_services_refusal()
    {
        var applicant = await platform.CreateApplicationAsync();
        var (page, _) = await platform.SignedInAsync("onboarding");

        await page.GotoAsync($"/console/applications/{applicant.ApplicationId}");
        await page.GetByTestId("start-review").ClickAsync();
        await page.GetByTestId("approve").ClickAsync();

        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("Required criteria are not met yet");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("in_review");
    }

    [Fact]
    public async Task A_viewer_sees_the_application_without_review_buttons_and_a_forged_review_is_refused()
    {
        var applicant = await platform.CreateApplicationAsync();
        var (page, _) = await platform.SignedInAsync("viewer");

        await page.GotoAsync($"/console/applications/{applicant.ApplicationId}");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("submitted");
        Assert.Equal(0, await page.Locator("main button").CountAsync());

        var forged = await ConsolePages.ForgedPostAsync(page, $"/console/applications/{applicant.ApplicationId}", "start-review");
        Assert.Equal(403, forged.Status);
        var rejected = await ConsolePages.ForgedPostAsync(page, $"/console/applications/{applicant.ApplicationId}", "reject", ("reason", "Forged"));
        Assert.Equal(403, rejected.Status);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("submitted");
    }
}

using System.Net;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Onboarding;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

public sealed class SignUpTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task An_applicant_confirms_in_the_browser_becomes_the_first_owner_gets_the_sandbox_credential_once_and_signs_in()
    {
        var email = OnboardingSteps.NewEmail();
        await (await platform.ApplyAsync(OnboardingSteps.ApplicationBody(email))).ReadJsonAsync(HttpStatusCode.Accepted);
        var mail = platform.MailTo(email).Single();
        var link = mail.Split('\n').Select(line => line.Trim()).Single(line => line.Contains("/signin/confirm?token="));
        var page = await platform.NewPageAsync();

        await page.GotoAsync(new Uri(link).PathAndQuery);
        await page.GetByLabel("New password").FillAsync("onlylowercaseletters");
        await page.GetByLabel("Repeat the password").FillAsync("onlylowercaseletters");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm your application" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToBeVisibleAsync(); // refused before the token is used up

        const string password = "Applicant-Pass-2026!";
        await page.GetByLabel("New password").FillAsync(password);
        await page.GetByLabel("Repeat the password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm your application" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-confirmed")).ToBeVisibleAsync();
        var clientId = await page.GetByTestId("new-client-id").InnerTextAsync();
        var secret = await page.GetByTestId("new-client-secret").InnerTextAsync();
        Assert.NotEmpty(await platform.TokenAsync(clientId, secret)); // a working sandbox credential
        await BrowserPlatform.ScreenshotAsync(page, "portal-sign-up-confirmed");

        await BrowserPlatform.SignInAsync(page, email, password);
        await page.WaitForURLAsync("**/portal");
        await Assertions.Expect(page.Locator("[data-step='sandbox_credentials']")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(page.Locator("[data-step='application_approved']")).ToHaveAttributeAsync("data-done", "false");
        await page.GotoAsync("/portal/credentials");
        await Assertions.Expect(page.GetByTestId("credentials").Locator("tr", new() { HasText = clientId })).ToBeVisibleAsync();

        await page.GotoAsync("/portal/onboarding");
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveTextAsync("submitted");
        await Assertions.Expect(page.GetByTestId("review-not-started")).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(page, "portal-onboarding");
    }
}

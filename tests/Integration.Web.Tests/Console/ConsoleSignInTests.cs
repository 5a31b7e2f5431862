using System.Net;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsoleSignInTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task Nobody_signed_in_is_sent_to_the_sign_in_page_and_comes_back_to_the_page_they_asked_for()
    {
        var person = await platform.NewInternalPersonAsync("viewer");
        var partnerId = await platform.CreatePartnerAsync();
        var page = await platform.NewPageAsync();

        await page.GotoAsync("/console?status=Active");
        Assert.EndsWith("/signin?returnUrl=%2Fconsole%3Fstatus%3DActive", page.Url);
        await page.GetByLabel("E-mail").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await page.GetByLabel("Authenticator code").FillAsync(Integration.Api.Tests.Infrastructure.Totp.Code(person.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync("**/console?status=Active");
        await Assertions.Expect(page.Locator($"[data-partner='{partnerId}']")).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(page, "console-partners");
    }

    [Fact]
    public async Task A_person_new_to_the_console_sets_up_the_authenticator_in_the_browser_and_then_reaches_it()
    {
        var (email, password) = await platform.NewInternalPersonWithoutAuthenticatorAsync("risk");
        var page = await platform.NewPageAsync();

        await BrowserPlatform.SignInAsync(page, email, password);
        await page.WaitForURLAsync("**/signin/authenticator");
        var console = await page.GotoAsync("/console");
        Assert.Equal(403, console!.Status); // signed in by password only: no role counts yet
        await page.GotoAsync("/signin/authenticator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a key" }).ClickAsync();
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await BrowserPlatform.ScreenshotAsync(page, "sign-in-authenticator");
        await page.GetByLabel("Authenticator code").FillAsync(Integration.Api.Tests.Infrastructure.Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.GotoAsync("/console");
        await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("Partners");
    }

    [Fact]
    public async Task A_wrong_code_keeps_the_person_out_and_says_why()
    {
        var person = await platform.NewInternalPersonAsync("viewer");
        var page = await platform.NewPageAsync();

        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await page.GetByLabel("Authenticator code").FillAsync("000000" == Integration.Api.Tests.Infrastructure.Totp.Code(person.AuthenticatorKey) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("sign-in-message")).ToContainTextAsync("authenticator code");
        var console = await page.GotoAsync("/console");
        Assert.Contains("/signin", page.Url);
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)console!.Status);
    }

    [Fact]
    public async Task The_console_speaks_simplified_chinese_to_a_browser_that_asks_for_it_and_switches_back_on_request()
    {
        var person = await platform.NewInternalPersonAsync("viewer");
        var page = await platform.NewPageAsync(locale: "zh-CN");

        await page.GotoAsync("/signin");
        await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("登录");
        await page.GetByLabel("电子邮箱").FillAsync(person.Email);
        await page.GetByLabel("密码").FillAsync(person.Password);
        await page.GetByLabel("身份验证器代码").FillAsync(Integration.Api.Tests.Infrastructure.Totp.Code(person.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/console");
        await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("合作伙伴");
        await BrowserPlatform.ScreenshotAsync(page, "console-partners-zh-CN");

        await page.Locator("#culture").SelectOptionAsync("en");
        await page.Locator("form[action='/culture'] button").ClickAsync();
        await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("Partners");
    }

    [Fact]
    public async Task A_form_post_from_another_site_without_the_page_token_is_refused()
    {
        var person = await platform.NewInternalPersonAsync("viewer");
        var page = await platform.NewPageAsync();
        await BrowserPlatform.SignInAsync(page, person.Email, person.Password, person.AuthenticatorKey);
        await page.WaitForURLAsync("**/console");

        // What a forged form would send: the cookies ride along, but it cannot know the antiforgery token.
        var forged = await page.APIRequest.PostAsync("/culture", new() { Form = FormWith(page, "zh-CN") });
        Assert.Equal(400, forged.Status);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("Partners");
    }

    [Fact]
    public async Task Pages_forbid_framing_and_foreign_scripts()
    {
        var page = await platform.NewPageAsync();
        var answer = await page.GotoAsync("/signin");
        var headers = await answer!.AllHeadersAsync();
        Assert.Contains("script-src 'self'", headers["content-security-policy"]);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
        Assert.Equal("no-store", headers["cache-control"]);
    }

    private static IFormData FormWith(IPage page, string culture)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("culture", culture);
        form.Set("returnUrl", "/console");
        return form;
    }
}

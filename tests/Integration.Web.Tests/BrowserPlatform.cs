using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Onboarding;
using Integration.Application.Partners;
using Integration.Application.People;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Integration.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Integration.Web.Tests;

/// <summary>
/// The whole platform on Kestrel at a loopback port, and the OS package's Chromium driven by Playwright (no browser
/// download: toolchain.md). One per test class; each test opens its own browser context, so cookies never leak between them.
/// A test class that needs other settings derives its own fixture and sets them in its constructor.
/// </summary>
public partial class BrowserPlatform : PlatformFactory
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public BrowserPlatform() : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Configuration on top of the tests' defaults (an outside system's address, say).</param>
    protected BrowserPlatform(IReadOnlyDictionary<string, string> settings)
    {
        UseKestrel(0);
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }
    }

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        ClientOptions.BaseAddress = new Uri(BaseUrl + "/");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? ChromiumPath,
            Args = ["--no-sandbox"], // CI runs as root
            Headless = true,
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale, ViewportSize = new() { Width = 1280, Height = 800 } });
        // CI runs these beside the API's suite on two cores; the first pages of a fresh PostgreSQL database were seen to take
        // over Playwright's default 30 s there. A page that never comes still fails, a minute later.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>An internal person just added by an admin: e-mail and the initial password, no authenticator yet.</summary>
    public async Task<(string Email, string Password)> NewInternalPersonWithoutAuthenticatorAsync(params string[] roles)
    {
        var admin = await ClientWithRoleAsync(InternalRole.Admin);
        var email = $"{string.Join('-', roles)}.{Guid.NewGuid():N}@example.com";
        var created = await (await admin.PostAsJsonAsync("/admin/v1/people", new { email, displayName = "Test " + string.Join(' ', roles), roles }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return (email, created["initialPassword"]!.GetValue<string>());
    }

    /// <summary>An internal person with the roles, who has enrolled an authenticator (so the roles count): e-mail, password, authenticator key.</summary>
    public async Task<InternalPerson> NewInternalPersonAsync(params string[] roles)
    {
        var (email, password) = await NewInternalPersonWithoutAuthenticatorAsync(roles);
        var session = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });
        await (await session.PostAsJsonAsync("/admin/v1/session", new { email, password })).ReadJsonAsync(HttpStatusCode.OK);
        var key = (await (await session.PostAsync("/admin/v1/session/totp", null)).ReadJsonAsync(HttpStatusCode.OK))["sharedKey"]!.GetValue<string>();
        await (await session.PostAsJsonAsync("/admin/v1/session/totp/verify", new { code = Totp.Code(key) })).ReadJsonAsync(HttpStatusCode.OK);
        return new InternalPerson(email, password, key);
    }

    /// <summary>
    /// A partner's first owner as onboarding creates one (admin API), who follows the e-mailed link in the browser and
    /// sets a password, then signs in: the page lands on the portal. Returns the e-mail and password.
    /// </summary>
    public async Task<(string Email, string Password)> NewOwnerSignedInAsync(IPage page, string partnerId)
    {
        var onboarding = await ClientWithRoleAsync(InternalRole.Onboarding);
        var email = $"owner.{Guid.NewGuid():N}@example.com";
        await (await onboarding.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/users", new { email, displayName = "Owner" })).ReadJsonAsync(HttpStatusCode.Created);
        var password = await SetPasswordFromMailAsync(page, email);
        await SignInAsync(page, email, password);
        await page.WaitForURLAsync("**/portal");
        return (email, password);
    }

    /// <summary>
    /// A portal user with <paramref name="role"/> whom the partner's owner added (in the sandbox, as the portal does), signed in
    /// on a page of their own.
    /// </summary>
    public async Task<IPage> NewPartnerUserSignedInAsync(string ownerEmail, PartnerRole role)
    {
        var email = $"{SnakeCase.Of(role)}.{Guid.NewGuid():N}@example.com";
        await using (var scope = Services.CreateAsyncScope())
        {
            var owner = (await scope.ServiceProvider.GetRequiredService<UserManager<Person>>().FindByEmailAsync(ownerEmail))!;
            await scope.ServiceProvider.GetRequiredService<PartnerUsers>().AddAsync(
                PartnerActor.OfPerson(owner, ApiEnvironment.Sandbox), email, role.ToString(), role, BaseUrl, CancellationToken.None);
        }
        var page = await NewPageAsync();
        var password = await SetPasswordFromMailAsync(page, email);
        await SignInAsync(page, email, password);
        await page.WaitForURLAsync("**/portal");
        return page;
    }

    /// <summary>Opens the set-password link e-mailed to <paramref name="email"/> and sets a password there; returns it.</summary>
    public async Task<string> SetPasswordFromMailAsync(IPage page, string email)
    {
        var link = SetPasswordLink().Match(this.MailTo(email).Last());
        Assert.True(link.Success, "no set-password link was e-mailed");
        const string password = "Portal-Pass-2026!x";
        await page.GotoAsync(new Uri(link.Value.TrimEnd('.')).PathAndQuery);
        await page.GetByLabel("New password").FillAsync(password);
        await page.GetByLabel("Repeat the password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set your password" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-set")).ToBeVisibleAsync();
        return password;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+/signin/set-password\?person=[^&\s]+&token=\S+")]
    private static partial System.Text.RegularExpressions.Regex SetPasswordLink();

    /// <summary>Signs in through the page as a person does: e-mail, password and, for internal people, the authenticator code.</summary>
    public static async Task SignInAsync(IPage page, string email, string password, string? authenticatorKey = null)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        if (authenticatorKey is not null)
        {
            await page.GetByLabel("Authenticator code").FillAsync(Totp.Code(authenticatorKey));
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>A full-page picture of what the page shows, kept with the test results; with WEB_SCREENSHOTS=docs also as the guides' picture.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var inResults = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(inResults)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = inResults, FullPage = true });
        if (Environment.GetEnvironmentVariable("WEB_SCREENSHOTS") == "docs")
        {
            File.Copy(inResults, RepositoryFiles.PathOf("docs", "images", "web", name + ".png"), overwrite: true);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

using Integration.Application.Partners;
using Integration.Application.People;
using Integration.Core.Common;
using Integration.Core.Partners;
using Integration.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

/// <summary>The partner's people the portal tests sign in: an owner, and others the owner adds with a role.</summary>
public static class PortalPeople
{
    /// <summary>The partner's owner (created as onboarding does), signed in through the page.</summary>
    public static async Task<(IPage Page, string Email)> OwnerSignedInAsync(this BrowserPlatform platform, string partnerId)
    {
        var page = await platform.NewPageAsync();
        var (email, _) = await platform.NewOwnerSignedInAsync(page, partnerId);
        return (page, email);
    }

    /// <summary>A person the owner adds with <paramref name="role"/> (PartnerUsers, as the portal's users API does), signed in through the page.</summary>
    public static async Task<IPage> PartnerUserSignedInAsync(this BrowserPlatform platform, string ownerEmail, PartnerRole role)
    {
        var email = $"{SnakeCase.Of(role)}.{Guid.NewGuid():N}@example.com";
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var owner = (await scope.ServiceProvider.GetRequiredService<UserManager<Person>>().FindByEmailAsync(ownerEmail))!;
            await scope.ServiceProvider.GetRequiredService<PartnerUsers>().AddAsync(
                PartnerActor.OfPerson(owner, ApiEnvironment.Sandbox), email, "Test " + role, role, platform.BaseUrl, CancellationToken.None);
        }
        var page = await platform.NewPageAsync();
        var password = await platform.SetPasswordFromMailAsync(page, email);
        await BrowserPlatform.SignInAsync(page, email, password);
        await page.WaitForURLAsync("**/portal");
        return page;
    }

    /// <summary>Chooses the live environment with the header's switch.</summary>
    public static async Task SwitchToLiveAsync(IPage page)
    {
        await page.Locator("#environment").SelectOptionAsync("live");
        await page.Locator("[data-testid=environment-switch] button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("environment")).ToContainTextAsync("Live");
    }
}

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

    /// <summary>Chooses the live environment with the header's switch.</summary>
    public static async Task SwitchToLiveAsync(IPage page)
    {
        await page.Locator("#environment").SelectOptionAsync("live");
        await page.Locator("[data-testid=environment-switch] button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("environment")).ToContainTextAsync("Live");
    }
}

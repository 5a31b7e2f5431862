using Integration.Core.Partners;
using Integration.Web.Tests.Console;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

public sealed class PortalUsersTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task An_owner_adds_a_user_who_sets_a_password_from_the_mail_then_changes_their_role_and_removes_them()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var (page, _) = await platform.OwnerSignedInAsync(partnerId);
        // The header leads there (followed by address: on PostgreSQL in CI a click on a page just signed in to was lost once).
        Assert.Equal("/portal/users", await page.Locator("nav a[href='/portal/users']").GetAttributeAsync("href"));
        await page.GotoAsync("/portal/users");
        var email = $"dev.{Guid.NewGuid():N}@example.com";

        var form = page.GetByTestId("add-user");
        await form.GetByLabel("E-mail").FillAsync(email);
        await form.GetByLabel("Name").FillAsync("Li Wei");
        await form.GetByLabel("Role").SelectOptionAsync("developer");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a user" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync(email);
        var row = page.Locator($"[data-testid=users] tr[data-email='{email}']");
        await Assertions.Expect(row.GetByTestId("role")).ToHaveTextAsync("Developer");
        await BrowserPlatform.ScreenshotAsync(page, "portal-users");
        // The new user signs in with the password they chose from the mailed link, as a developer of this partner.
        var theirs = await platform.NewPageAsync();
        var password = await platform.SetPasswordFromMailAsync(theirs, email);
        await BrowserPlatform.SignInAsync(theirs, email, password);
        await theirs.WaitForURLAsync("**/portal");

        await row.Locator("select[name=role]").SelectOptionAsync("finance");
        await row.GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=users] tr[data-email='{email}']").GetByTestId("role")).ToHaveTextAsync("Finance");
        // Their open session ended with the change: the next page asks them to sign in again.
        await theirs.GotoAsync("/portal");
        Assert.Contains("/signin", theirs.Url);

        await page.Locator($"[data-testid=users] tr[data-email='{email}']").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=users] tr[data-email='{email}']")).ToHaveCountAsync(0);
        Assert.False(await platform.WithDbAsync(db => db.People.AnyAsync(p => p.Email == email)));
    }

    [Fact]
    public async Task A_developer_reads_the_users_but_gets_no_form_and_a_forged_post_changes_nothing_and_the_last_owner_stays()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var (ownerPage, ownerEmail) = await platform.OwnerSignedInAsync(partnerId);
        var page = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Developer);
        await page.GotoAsync("/portal/users");
        await Assertions.Expect(page.Locator($"[data-testid=users] tr[data-email='{ownerEmail}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);

        var forged = await ConsolePages.ForgedPostAsync(page, "/portal/users", "add-user",
            ("email", "intruder@example.com"), ("displayName", "Intruder"), ("role", "owner"));

        Assert.Equal(403, forged.Status);
        Assert.False(await platform.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "intruder@example.com")));
        // The owner's own row offers no change: a partner always keeps an owner.
        await ownerPage.GotoAsync("/portal/users");
        await Assertions.Expect(ownerPage.Locator($"[data-testid=users] tr[data-email='{ownerEmail}'] form")).ToHaveCountAsync(0);
    }
}

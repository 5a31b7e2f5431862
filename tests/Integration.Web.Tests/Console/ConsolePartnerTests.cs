using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsolePartnerTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task Risk_freezes_a_partner_sees_why_it_may_not_trade_and_lifts_the_freeze_each_audited_with_its_role()
    {
        var partnerId = await platform.CreatePartnerAsync();
        await platform.IssueCredentialAsync(partnerId);
        var (page, person) = await platform.SignedInAsync("risk");

        await page.GotoAsync("/console");
        await page.Locator($"[data-partner='{partnerId}'] a").ClickAsync();
        await page.WaitForURLAsync($"**/console/partners/{partnerId}");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("active");
        await Assertions.Expect(page.GetByTestId("credentials").Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GetByTestId("freeze").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToHaveTextAsync("The partner is frozen.");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("frozen");
        await Assertions.Expect(page.GetByTestId("trading-live")).ToHaveTextAsync("The partner account is frozen");
        await Assertions.Expect(page.GetByTestId("freeze")).ToHaveCountAsync(0);
        await BrowserPlatform.ScreenshotAsync(page, "console-partner");

        await page.GetByTestId("unfreeze").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("active");
        await Assertions.Expect(page.GetByTestId("trading-live")).ToHaveTextAsync("May trade");

        // The admin API's freeze, by a risk credential, of another partner: the console's entries say the same.
        var otherId = await platform.CreatePartnerAsync();
        var risk = await platform.ClientWithRoleAsync(Integration.Core.Credentials.InternalRole.Risk);
        (await risk.PostAsync($"/admin/v1/partners/{otherId}/freeze", null)).EnsureSuccessStatusCode();
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Target == partnerId && e.Action == "partner.updated")
            .OrderBy(e => e.Sequence).ToListAsync();
        var byApi = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Target == otherId && e.Action == "partner.updated");
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(person.Email, e.Actor));
        Assert.Equal(byApi.Details, entries[0].Details);
        Assert.Contains("\"actorRoles\":[\"risk\"]", entries[0].Details);
        Assert.NotEqual(entries[0].Details, entries[1].Details);
    }

    [Fact]
    public async Task A_viewer_sees_no_freeze_button_and_a_forged_freeze_from_their_session_is_refused()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var (page, _) = await platform.SignedInAsync("viewer");

        await page.GotoAsync($"/console/partners/{partnerId}");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("active");
        Assert.Equal(0, await page.Locator("main button").CountAsync());

        var forged = await ConsolePages.ForgedPostAsync(page, $"/console/partners/{partnerId}", "freeze");
        Assert.Equal(403, forged.Status);
        Assert.Contains("partners.freeze", await forged.TextAsync());
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("active");
    }

    [Fact]
    public async Task An_onboarding_person_may_change_partners_but_not_freeze_them()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var (page, _) = await platform.SignedInAsync("onboarding");

        await page.GotoAsync($"/console/partners/{partnerId}");
        await Assertions.Expect(page.GetByTestId("freeze")).ToHaveCountAsync(0);
        var forged = await ConsolePages.ForgedPostAsync(page, $"/console/partners/{partnerId}", "freeze");
        Assert.Equal(403, forged.Status);
    }
}

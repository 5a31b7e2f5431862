using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Application.Reminders;
using Integration.Core.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsoleRemindersTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task A_regional_manager_sees_a_dispute_deadline_coming_up_and_marks_the_reminder_done()
    {
        var (partnerName, disputeId) = await DisputeNearItsDeadlineAsync();
        var (page, person) = await platform.SignedInAsync("regional_manager");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reminders" }).ClickAsync();
        await page.WaitForURLAsync("**/console/reminders");
        var row = page.Locator($"tr[data-subject='{disputeId}']");
        await Assertions.Expect(row.GetByTestId("kind")).ToHaveTextAsync("Dispute deadline near");
        await Assertions.Expect(row.GetByTestId("about")).ToHaveTextAsync($"Dispute {disputeId}");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = partnerName })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("state")).ToHaveTextAsync("Open");
        await Assertions.Expect(row).ToContainTextAsync("must be resolved by");
        await BrowserPlatform.ScreenshotAsync(page, "console-reminders");

        await row.GetByTestId("mark-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("marked done");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.Locator("select[name='state']").SelectOptionAsync("done");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(row.GetByTestId("state")).ToContainTextAsync(person.Email);
        await Assertions.Expect(row.GetByTestId("mark-done")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_viewer_reads_the_queue_without_a_button_and_a_forged_mark_done_is_refused_leaving_it_open()
    {
        var (_, disputeId) = await DisputeNearItsDeadlineAsync();
        var (page, _) = await platform.SignedInAsync("viewer");

        await page.GotoAsync("/console/reminders");
        var row = page.Locator($"tr[data-subject='{disputeId}']");
        await Assertions.Expect(row.GetByTestId("state")).ToHaveTextAsync("Open");
        await Assertions.Expect(page.GetByTestId("mark-done")).ToHaveCountAsync(0);
        var reminderId = await row.GetAttributeAsync("data-reminder");

        var forged = await ConsolePages.ForgedPostAsync(page, "/console/reminders", $"done-{reminderId}");
        Assert.Equal(403, forged.Status);
        Assert.Contains("reminders.manage", await forged.TextAsync());
        Assert.Equal(ReminderState.Open, await platform.WithDbAsync(db => db.Visible<Reminder>().Where(r => r.Id == reminderId).Select(r => r.State).SingleAsync()));

        var edited = await page.GotoAsync("/console/reminders?cursor=not-a-cursor");
        Assert.Equal(400, edited!.Status);
    }

    /// <summary>An open level-1 dispute 37 hours into its 48, and the reminders job run: the partner's name and the dispute.</summary>
    private async Task<(string PartnerName, string DisputeId)> DisputeNearItsDeadlineAsync()
    {
        var name = "Reminded " + Guid.NewGuid().ToString("N")[..8];
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(name: name, qualified: true));
        var credential = await platform.IssueCredentialAsync(partnerId, "live");
        var partner = platform.ClientWithToken(await platform.TokenAsync(credential.ClientId, credential.Secret));
        var sku = await platform.CreateProductAsync(100m);
        await platform.SetBrandStockAsync(sku, 10, "live");
        var order = await (await partner.PostOrderAsync(CommerceSetup.OrderBody("PO-" + Guid.NewGuid().ToString("N")[..12], (sku, 1)))).ReadJsonAsync(HttpStatusCode.Created);
        var dispute = await (await partner.PostAsJsonAsync("/v2/disputes", new { orderId = order["id"]!.GetValue<string>(), amount = "10.00", reason = "Goods arrived damaged" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        platform.Clock.Advance(TimeSpan.FromHours(37));
        await platform.Services.GetRequiredService<ReminderJob>().RunOnceAsync(CancellationToken.None);
        return (name, dispute["id"]!.GetValue<string>());
    }
}

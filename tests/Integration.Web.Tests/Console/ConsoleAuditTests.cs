using System.Net;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsoleAuditTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task Risk_reads_the_audit_log_newest_first_and_verifies_the_chain()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var (page, _) = await platform.SignedInAsync("risk");

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await page.WaitForURLAsync("**/console/audit");
        var sequences = await page.GetByTestId("audit-entries").Locator("tbody tr")
            .EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.sequence))");
        Assert.Equal(sequences.OrderByDescending(s => s), sequences);
        await Assertions.Expect(page.Locator($"tr[data-target='{partnerId}'][data-action='partner.created']")).ToHaveCountAsync(1);

        await page.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verification")).ToHaveAttributeAsync("data-valid", "true");
        await Assertions.Expect(page.GetByTestId("verification")).ToContainTextAsync("The chain is intact");
        await BrowserPlatform.ScreenshotAsync(page, "console-audit");
    }

    [Fact]
    public async Task A_viewer_has_no_audit_link_and_is_refused_the_page_as_the_admin_api_refuses()
    {
        var (page, _) = await platform.SignedInAsync("viewer");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        var answer = await page.GotoAsync("/console/audit?verify=true");
        Assert.Equal(HttpStatusCode.Forbidden, (HttpStatusCode)answer!.Status);
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("audit.read");
        await Assertions.Expect(page.GetByTestId("audit-entries")).ToHaveCountAsync(0);
    }
}

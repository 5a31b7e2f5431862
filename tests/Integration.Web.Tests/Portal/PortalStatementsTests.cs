using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

public sealed class PortalStatementsTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task A_viewer_reads_a_closed_month_to_the_cent_and_downloads_its_lines_as_csv_but_not_another_partners()
    {
        var period = MoveToAFreshMonth();
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true)); // advanced: 25% off, rating B
        var partner = await LivePartnerClientAsync(partnerId);
        var sku = await platform.CreateProductAsync(1_646.08m); // unit net price 1,234.56
        await platform.SetBrandStockAsync(sku, 100, "live");
        await DeliverAsync(partner, sku, 1);
        await DeliverAsync(partner, sku, 2);                     // net sales 3,703.68
        await RecordSubsidyAsync(partnerId, 1_000.01m);           // half of it: 500.005 → 500.01
        var otherId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        await RecordSubsidyAsync(otherId, 300m);
        platform.Clock.SetUtcNow(new DateTimeOffset(period.Year, period.Month, 1, 8, 0, 0, TimeSpan.Zero).AddMonths(1));
        var month = period.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await CloseAsync(month, partnerId);
        await CloseAsync(month, otherId);
        var otherStatementId = await platform.WithDbAsync(db => db.Statements.IgnoreQueryFilters().Where(s => s.PartnerId == otherId).Select(s => s.Id).SingleAsync());

        var (_, ownerEmail) = await platform.OwnerSignedInAsync(partnerId);
        var page = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Viewer);
        await PortalPeople.SwitchToLiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Statements" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/statements");
        var row = page.GetByTestId("statements").Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("status")).ToHaveTextAsync("Closed");
        await Assertions.Expect(row.GetByTestId("net-sales")).ToHaveTextAsync("3,703.68 CNY");
        // −3,703.68 order charges + 555.55 profit share (15%) − 37.04 development fund (1%) + 500.01 subsidy
        await Assertions.Expect(row.GetByTestId("balance")).ToHaveTextAsync("-2,685.16 CNY");
        await Assertions.Expect(row.GetByTestId("amount-due")).ToHaveTextAsync("2,685.16 CNY");
        await BrowserPlatform.ScreenshotAsync(page, "portal-statements");

        await row.GetByRole(AriaRole.Link, new() { Name = month }).ClickAsync();
        await page.WaitForURLAsync("**/portal/statements/stm_*");
        var statementId = page.Url.Split('/')[^1];
        var lines = page.GetByTestId("lines");
        await Assertions.Expect(lines.Locator("tr[data-kind=order_charges] [data-testid=amount]")).ToHaveTextAsync("-3,703.68 CNY");
        await Assertions.Expect(lines.Locator("tr[data-kind=profit_share] [data-testid=amount]")).ToHaveTextAsync("555.55 CNY");
        await Assertions.Expect(lines.Locator("tr[data-kind=development_fund] [data-testid=amount]")).ToHaveTextAsync("-37.04 CNY");
        await Assertions.Expect(lines.Locator("tr[data-kind=activity_subsidy] [data-testid=amount]")).ToHaveTextAsync("500.01 CNY");
        await Assertions.Expect(page.GetByTestId("amount-due")).ToHaveTextAsync("2,685.16 CNY");
        await Assertions.Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);
        await BrowserPlatform.ScreenshotAsync(page, "portal-statement");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-csv").ClickAsync());
        Assert.Equal($"statement-{month}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        var amounts = csv.Where(l => l.StartsWith("line,", StringComparison.Ordinal)).Select(l => l.Split(','))
            .ToDictionary(f => f[4], f => (Amount: f[^2], Currency: f[^1]));
        Assert.Equal(("-3703.68", "CNY"), amounts["order_charges"]);
        Assert.Equal(("555.55", "CNY"), amounts["profit_share"]);
        Assert.Equal(("-37.04", "CNY"), amounts["development_fund"]);
        Assert.Equal(("500.01", "CNY"), amounts["activity_subsidy"]);
        Assert.Equal(4, amounts.Count);
        Assert.All(csv.Where(l => l.StartsWith("line,", StringComparison.Ordinal)), l => Assert.Contains($",{statementId},{month},", l));
        Assert.Equal(["1234.56", "2469.12"], csv.Where(l => l.StartsWith("order,", StringComparison.Ordinal)).Select(l => l.Split(',')[^2]).Order());

        // Another partner's statement: its id is as unknown here as on the API.
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/portal/statements/{otherStatementId}/export")).Status);
        Assert.Equal(404, (await page.GotoAsync($"/portal/statements/{otherStatementId}"))!.Status);

        // The month the clock is in now has not closed: its live preview, with nothing delivered yet.
        await page.GotoAsync("/portal/statements");
        await page.GetByTestId("current-month").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Open");
        await Assertions.Expect(page.GetByTestId("net-sales")).ToHaveTextAsync("0.00 CNY");
    }

    /// <summary>Moves the platform's clock to the 10th of a coming month that is not December (no year-end lines), returning that month.</summary>
    private DateTimeOffset MoveToAFreshMonth()
    {
        var now = platform.Clock.GetUtcNow();
        var month = new DateTimeOffset(now.Year, now.Month, 10, 10, 0, 0, TimeSpan.Zero).AddMonths(1);
        if (month.Month == 12)
        {
            month = month.AddMonths(1);
        }
        platform.Clock.SetUtcNow(month);
        return month;
    }

    private async Task<HttpClient> LivePartnerClientAsync(string partnerId)
    {
        var credential = await platform.IssueCredentialAsync(partnerId, "live");
        return platform.ClientWithToken(await platform.TokenAsync(credential.ClientId, credential.Secret));
    }

    private async Task DeliverAsync(HttpClient partner, string sku, int quantity)
    {
        var order = await (await partner.PostOrderAsync(CommerceSetup.OrderBody("PO-" + Guid.NewGuid().ToString("N")[..12], (sku, quantity)))).ReadJsonAsync(HttpStatusCode.Created);
        var id = order["id"]!.GetValue<string>();
        await (await platform.AdminMoveAsync(id, "confirm")).ReadJsonAsync(HttpStatusCode.OK);
        await (await platform.AdminMoveAsync(id, "ship", new { carrier = "SF", trackingNumber = "SF1" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await platform.AdminMoveAsync(id, "deliver")).ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task RecordSubsidyAsync(string partnerId, decimal cost) =>
        await (await (await platform.AdminClientAsync()).PostAsJsonAsync($"/admin/v1/partners/{partnerId}/activity-subsidies",
            new { environment = "live", eventName = "Store opening", cost })).ReadJsonAsync(HttpStatusCode.Created);

    private async Task CloseAsync(string period, string partnerId) =>
        await (await (await platform.AdminClientAsync()).PostAsJsonAsync("/admin/v1/settlements/close",
            new { period, environment = "live", partnerId })).ReadJsonAsync(HttpStatusCode.OK);
}

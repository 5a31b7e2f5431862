using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Settlement;
using Integration.Core.Credentials;
using Integration.Core.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsoleSettlementTests(SettlementBrowserPlatform platform) : IClassFixture<SettlementBrowserPlatform>
{
    [Fact]
    public async Task Finance_closes_a_month_sees_the_failed_payout_retries_it_and_sees_it_paid_with_the_gateways_reference()
    {
        var (partnerId, period) = await PartnerOwedAMonthAsync(subsidisedCost: 2469.14m); // 50% of it: 1,234.57 owed to the partner
        var (page, _) = await platform.SignedInAsync("finance");

        await page.GetByRole(AriaRole.Link, new() { Name = "Settlement" }).ClickAsync();
        await page.WaitForURLAsync("**/console/settlement");
        await page.Locator("input[name='period']").FillAsync(period);
        await page.Locator("select[name='environment']").SelectOptionAsync("live");
        await page.Locator("input[name='partnerId']").FillAsync(partnerId);
        await page.GetByTestId("close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToHaveTextAsync("The month is closed.");
        await Assertions.Expect(page.GetByTestId("closed-now")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("already-closed")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("statements-total")).ToHaveTextAsync("1");

        // The gateway fails the one attempt allowed here: the payout needs attention, with the gateway's error.
        platform.Bank.Behaviour = GatewayBehaviour.Failing;
        await platform.RunPayoutsAsync();
        await page.GotoAsync("/console/settlement");
        var row = page.Locator($"tr[data-partner='{partnerId}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "needs_attention");
        await Assertions.Expect(row.GetByTestId("payout-status")).ToHaveTextAsync("Needs attention");
        await Assertions.Expect(row.GetByTestId("payout-amount")).ToHaveTextAsync("1,234.57 CNY");
        await Assertions.Expect(row.GetByTestId("attempts")).ToHaveTextAsync("1");
        await Assertions.Expect(row.GetByTestId("last-error")).Not.ToHaveTextAsync("—");
        await BrowserPlatform.ScreenshotAsync(page, "console-settlement");

        platform.Bank.Behaviour = GatewayBehaviour.Healthy;
        await row.GetByTestId("retry").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("back in the queue");
        await Assertions.Expect(page.Locator($"tr[data-partner='{partnerId}']")).ToHaveCountAsync(0);

        await platform.RunPayoutsAsync();
        await page.Locator("select[name='status']").SelectOptionAsync("paid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var paid = page.Locator($"tr[data-partner='{partnerId}']");
        await Assertions.Expect(paid.GetByTestId("payout-status")).ToContainTextAsync("Paid");
        await Assertions.Expect(paid.GetByTestId("attempts")).ToHaveTextAsync("0");
        Assert.NotEqual("—", (await paid.Locator("td").Nth(6).TextContentAsync())?.Trim());

        await paid.Locator("td").Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("statement-status")).ToHaveTextAsync("Paid out");
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("1,234.57 CNY");
        await Assertions.Expect(page.GetByTestId("payouts").Locator("tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_viewer_sees_no_close_or_retry_and_forged_posts_from_their_session_are_refused_changing_nothing()
    {
        var (closedPartner, period) = await PartnerOwedAMonthAsync(subsidisedCost: 1000m);
        var finance = await platform.ClientWithRoleAsync(InternalRole.Finance);
        (await finance.PostAsJsonAsync("/admin/v1/settlements/close", new { period, environment = "live", partnerId = closedPartner })).EnsureSuccessStatusCode();
        platform.Bank.Behaviour = GatewayBehaviour.Failing;
        await platform.RunPayoutsAsync();
        platform.Bank.Behaviour = GatewayBehaviour.Healthy;
        var payoutId = await platform.WithDbAsync(db => db.Visible<Payout>().Where(p => p.PartnerId == closedPartner).Select(p => p.Id).SingleAsync());
        var openPartner = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var (page, _) = await platform.SignedInAsync("viewer");

        await page.GotoAsync("/console/settlement");
        await Assertions.Expect(page.Locator($"tr[data-payout='{payoutId}']")).ToHaveAttributeAsync("data-status", "needs_attention");
        await Assertions.Expect(page.GetByTestId("close")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("input[name='period']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("retry")).ToHaveCountAsync(0);

        var retry = await ConsolePages.ForgedPostAsync(page, "/console/settlement", $"retry-{payoutId}");
        Assert.Equal(403, retry.Status);
        Assert.Contains("payouts.retry", await retry.TextAsync());
        var close = await ConsolePages.ForgedPostAsync(page, "/console/settlement", "close", ("period", period), ("environment", "live"), ("partnerId", openPartner));
        Assert.Equal(403, close.Status);
        Assert.Contains("settlements.close", await close.TextAsync());

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"tr[data-payout='{payoutId}']")).ToHaveAttributeAsync("data-status", "needs_attention");
        Assert.Equal(PayoutStatus.NeedsAttention, await platform.WithDbAsync(db => db.Visible<Payout>().Where(p => p.Id == payoutId).Select(p => p.Status).SingleAsync()));
        Assert.False(await platform.WithDbAsync(db => db.Visible<Statement>().AnyAsync(s => s.PartnerId == openPartner)));
    }

    [Fact]
    public async Task Finance_records_what_a_partner_paid_of_its_amount_due_until_the_statement_is_settled()
    {
        var sku = await platform.CreateProductAsync(1646.08m);
        await platform.SetBrandStockAsync(sku, 100, "live");
        var partner = await platform.LivePartnerAsync("Owing");
        await platform.DeliverAsync(partner, sku, 1);
        var period = SettlementPeriod.Of(platform.Clock.GetUtcNow());
        platform.Clock.SetUtcNow(period.End.AddHours(8));
        var finance = await platform.ClientWithRoleAsync(InternalRole.Finance);
        (await finance.PostAsJsonAsync("/admin/v1/settlements/close", new { period = period.ToString(), environment = "live", partnerId = partner.Id })).EnsureSuccessStatusCode();
        var statement = await platform.WithDbAsync(db => db.Visible<Statement>().SingleAsync(s => s.PartnerId == partner.Id));
        Assert.True(statement.AmountDue > 100m, $"the partner owes {statement.AmountDue}");
        var due = statement.AmountDue.ToString("N2", CultureInfo.GetCultureInfo("en-US")) + " CNY";
        var (page, _) = await platform.SignedInAsync("finance");

        await page.GotoAsync($"/console/settlement?status=any&statement={statement.Id}");
        await Assertions.Expect(page.GetByTestId("amount-due")).ToHaveTextAsync(due);
        await page.Locator("input[name='amount']").FillAsync("100.00");
        await page.GetByTestId("record-payment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToHaveTextAsync("The payment is recorded.");
        await Assertions.Expect(page.GetByTestId("amount-received")).ToHaveTextAsync("100.00 CNY");
        await Assertions.Expect(page.GetByTestId("statement-status")).ToHaveTextAsync("Closed");

        await page.Locator("input[name='amount']").FillAsync(statement.AmountDue.ToString(CultureInfo.InvariantCulture)); // more than is left
        await page.GetByTestId("record-payment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("still due");
        await Assertions.Expect(page.GetByTestId("amount-received")).ToHaveTextAsync("100.00 CNY");

        await page.Locator("input[name='amount']").FillAsync((statement.AmountDue - 100m).ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("record-payment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("statement-status")).ToHaveTextAsync("Settled");
        await Assertions.Expect(page.GetByTestId("amount-received")).ToHaveTextAsync(due);
        await Assertions.Expect(page.GetByTestId("record-payment")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A live partner with an approved activity subsidy this month (the month's only line), the clock moved past the
    /// month's end; returns the partner and the month (YYYY-MM), ready to close.
    /// </summary>
    private async Task<(string PartnerId, string Period)> PartnerOwedAMonthAsync(decimal subsidisedCost)
    {
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        await platform.IssueCredentialAsync(partnerId, "live");
        var finance = await platform.ClientWithRoleAsync(InternalRole.Finance);
        await (await finance.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/activity-subsidies",
            new { environment = "live", eventName = "Store opening", cost = subsidisedCost })).ReadJsonAsync(HttpStatusCode.Created);
        var period = SettlementPeriod.Of(platform.Clock.GetUtcNow());
        platform.Clock.SetUtcNow(period.End.AddHours(8));
        return (partnerId, period.ToString());
    }
}

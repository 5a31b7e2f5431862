using Integration.Api.Tests.Infrastructure;
using Integration.Application.Insights;
using Integration.Core.Common;
using Integration.Core.Insights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

public sealed class ConsoleKpisTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task The_board_ranks_partners_by_net_sales_to_the_cent_then_by_growth_and_grade_with_a_chart_drawn_on_the_server()
    {
        // Unit net price 1,234.56 for an advanced partner (25% off 1,646.08). Month one: A 2 units, B 1; month two: A 4, B 3.
        var sku = await platform.CreateProductAsync(1646.08m);
        await platform.SetBrandStockAsync(sku, 1000, "live");
        var a = await platform.LivePartnerAsync("Alpha");
        var b = await platform.LivePartnerAsync("Bravo");
        await platform.DeliverAsync(a, sku, 2);
        await platform.DeliverAsync(b, sku, 1);
        var first = KpiPeriod.Containing(KpiPeriodKind.Month, DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime));
        platform.Clock.SetUtcNow(first.EndsAt.AddDays(2));
        await platform.DeliverAsync(a, sku, 4);
        await platform.DeliverAsync(b, sku, 3);
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var quarter = KpiPeriod.Containing(KpiPeriodKind.Quarter, first.Next.Start);
            await scope.ServiceProvider.GetRequiredService<GradeBook>().PublishAsync(b.Id, ApiEnvironment.Live, quarter, platform.Clock.GetUtcNow(), CancellationToken.None);
        }
        var (page, _) = await platform.SignedInAsync("viewer");

        await page.GetByRole(AriaRole.Link, new() { Name = "KPIs" }).ClickAsync();
        await page.WaitForURLAsync("**/console/kpis");
        await Assertions.Expect(page.GetByTestId("net-sales")).ToHaveTextAsync("8,641.92 CNY");
        await Assertions.Expect(page.GetByTestId("previous-net-sales")).ToHaveTextAsync("3,703.68 CNY");
        await Assertions.Expect(page.GetByTestId("growth")).ToHaveTextAsync("133.3%");
        await Assertions.Expect(page.GetByTestId("orders")).ToHaveTextAsync("2");
        var rows = page.GetByTestId("ranking").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-partner", a.Id);
        await Assertions.Expect(rows.Nth(0).GetByTestId("partner-net-sales")).ToHaveTextAsync("4,938.24 CNY");
        await Assertions.Expect(rows.Nth(0).GetByTestId("partner-growth")).ToHaveTextAsync("100.0%");
        await Assertions.Expect(rows.Nth(0).GetByTestId("grade")).ToHaveTextAsync("—");
        await Assertions.Expect(rows.Nth(1).GetByTestId("partner-net-sales")).ToHaveTextAsync("3,703.68 CNY");
        await Assertions.Expect(rows.Nth(1).GetByTestId("partner-growth")).ToHaveTextAsync("200.0%");
        await Assertions.Expect(rows.Nth(1).GetByTestId("grade")).Not.ToHaveTextAsync("—");
        // Static rendering, no circuit: the chart's bars are in the HTML the server sent.
        var chart = page.GetByTestId("chart").Locator("svg");
        await Assertions.Expect(chart.First).ToBeVisibleAsync();
        Assert.True(await chart.Locator("path, rect").CountAsync() >= 2, await page.GetByTestId("chart").InnerHTMLAsync());
        await BrowserPlatform.ScreenshotAsync(page, "console-kpis");

        await page.Locator("select[name='by']").SelectOptionAsync("growth");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-partner", b.Id);
        await Assertions.Expect(rows.Nth(0).GetByTestId("rank")).ToHaveTextAsync("2");

        await page.Locator("select[name='by']").SelectOptionAsync("grade");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-partner", b.Id);

        await page.Locator("input[name='period']").FillAsync(first.ToString());
        await page.Locator("select[name='by']").SelectOptionAsync("net_sales");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("net-sales")).ToHaveTextAsync("3,703.68 CNY");
        await Assertions.Expect(rows.Nth(0).GetByTestId("partner-net-sales")).ToHaveTextAsync("2,469.12 CNY");

        var wrong = await page.GotoAsync("/console/kpis?period=0001");
        Assert.Equal(400, wrong!.Status);
        await Assertions.Expect(page.GetByTestId("refusal")).ToContainTextAsync("2000 to 2999");
    }
}

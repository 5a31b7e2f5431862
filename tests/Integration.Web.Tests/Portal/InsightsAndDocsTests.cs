using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Common;
using Integration.Core.Insights;
using Integration.Core.Partners;
using Microsoft.Playwright;

namespace Integration.Web.Tests.Portal;

public sealed class InsightsAndDocsTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    [Fact]
    public async Task A_partner_with_delivered_orders_sees_its_net_sales_to_the_cent_in_a_chart_and_a_table_and_its_grades()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId, "sandbox");
        var partner = platform.ClientWithToken(await platform.TokenAsync(credential.ClientId, credential.Secret));
        var sku = await platform.CreateProductAsync(1234.57m);
        await platform.SetBrandStockAsync(sku, 10, "sandbox");
        var delivered = 0m;
        foreach (var quantity in new[] { 1, 2 })
        {
            var order = await (await partner.PostOrderAsync(CommerceSetup.OrderBody("PO-" + Guid.NewGuid().ToString("N")[..12], (sku, quantity)))).ReadJsonAsync(HttpStatusCode.Created);
            var id = order["id"]!.GetValue<string>();
            await (await platform.AdminMoveAsync(id, "confirm")).ReadJsonAsync(HttpStatusCode.OK);
            await (await platform.AdminMoveAsync(id, "ship", new { carrier = "SF", trackingNumber = "SF1" })).ReadJsonAsync(HttpStatusCode.OK);
            await (await platform.AdminMoveAsync(id, "deliver")).ReadJsonAsync(HttpStatusCode.OK);
            delivered += AmountOf(order["total"]!);
        }
        await platform.WithDbAsync(db =>
        {
            db.PerformanceGrades.Add(Graded(partnerId, "2026-Q2", Grade.A, 0.0800m));
            db.PerformanceGrades.Add(Graded(partnerId, "2026-Q1", Grade.B, 0.0512m));
            return db.SaveChangesAsync();
        });
        var month = KpiPeriod.Containing(KpiPeriodKind.Month, DateOnly.FromDateTime(DateTime.UtcNow)).ToString();
        var kpis = await (await partner.GetAsync($"/v2/insights/kpis?period={month}")).ReadJsonAsync(HttpStatusCode.OK);
        var netSales = decimal.Parse(kpis["netSales"]!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(delivered, netSales);

        var (_, ownerEmail) = await platform.OwnerSignedInAsync(partnerId);
        var page = await platform.NewPartnerUserSignedInAsync(ownerEmail, PartnerRole.Viewer); // every role reads the KPIs
        await page.GetByRole(AriaRole.Link, new() { Name = "Insights" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/insights");

        var cell = page.Locator($"[data-testid=kpi-series] tr[data-period='{month}'] [data-kpi=net-sales]");
        await Assertions.Expect(cell).ToHaveTextAsync(netSales.ToString("N2", CultureInfo.GetCultureInfo("en-US")) + " " + kpis["netSales"]!["currency"]!.GetValue<string>());
        await Assertions.Expect(page.GetByTestId("kpi-series").Locator("tbody tr")).ToHaveCountAsync(6); // the last six months by default
        await Assertions.Expect(page.GetByTestId("top-skus")).ToContainTextAsync(sku);
        await Assertions.Expect(page.GetByTestId("grades").Locator("tr[data-quarter='2026-Q2']")).ToContainTextAsync("8.00%");
        await Assertions.Expect(page.GetByTestId("grades").Locator("tbody tr").First).ToContainTextAsync("2026-Q2"); // newest quarter first

        // The chart is SVG the server wrote: it is in the page as sent, with no script to draw it.
        await Assertions.Expect(page.Locator("[data-testid=net-sales-chart] svg").First).ToBeVisibleAsync();
        var sent = await (await page.APIRequest.GetAsync("/portal/insights")).TextAsync();
        Assert.Matches("data-testid=\"net-sales-chart\"[\\s\\S]*<svg", sent);
        await BrowserPlatform.ScreenshotAsync(page, "portal-insights");

        var reversed = await page.GotoAsync("/portal/insights?from=2026-06&to=2026-01&granularity=month");
        Assert.Equal(422, reversed!.Status);
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("before");
    }

    [Fact]
    public async Task The_guides_render_with_their_headings_their_links_lead_to_guides_and_a_way_out_of_docs_is_404()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var page = await platform.NewPageAsync();
        await platform.NewOwnerSignedInAsync(page, partnerId);
        await page.GetByRole(AriaRole.Link, new() { Name = "Docs" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/docs");
        await Assertions.Expect(page.GetByTestId("guides").Locator("a[href='/portal/docs/webhooks']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("guides").Locator("a[href='/portal/docs/operations']")).ToHaveCountAsync(0); // for operators
        foreach (var reference in await page.GetByTestId("api-reference").Locator("a").AllAsync())
        {
            Assert.Equal(200, (await page.APIRequest.GetAsync((await reference.GetAttributeAsync("href"))!)).Status);
        }
        await BrowserPlatform.ScreenshotAsync(page, "portal-docs");

        await page.GetByTestId("guides").Locator("a[href='/portal/docs/portal']").ClickAsync();
        await page.WaitForURLAsync("**/portal/docs/portal");
        var guide = page.GetByTestId("guide");
        await Assertions.Expect(guide.Locator("h1")).ToHaveTextAsync("The partner portal");
        Assert.True(await guide.Locator("h2").CountAsync() > 1);
        var links = await guide.Locator("a[href^='/portal/docs/'], img[src^='/docs/guides/']").AllAsync();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var target = await link.GetAttributeAsync("href") ?? await link.GetAttributeAsync("src");
            var answer = await page.APIRequest.GetAsync(target!.Split('#')[0]);
            Assert.True(answer.Status == 200, $"{target}: {answer.Status}");
        }
        await guide.Locator("a[href='/portal/docs/getting-started']").ClickAsync();
        await page.WaitForURLAsync("**/portal/docs/getting-started");
        await Assertions.Expect(page.GetByTestId("guide").Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Getting started", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await Assertions.Expect(page.GetByTestId("guide").Locator("a[href='/portal/docs/authentication#scopes']")).ToHaveCountAsync(1); // a part of another guide

        foreach (var path in new[] { "/portal/docs/..%2F..%2FREADME", "/portal/docs/%2E%2E%2Fsecurity", "/portal/docs/..%5C..%5CREADME.md", "/portal/docs/operations", "/portal/docs/no-such-guide" })
        {
            var answer = await page.GotoAsync(path);
            Assert.True(answer!.Status == 404, $"{path}: {answer.Status}");
            await Assertions.Expect(page.GetByTestId("guide")).ToHaveCountAsync(0);
        }
    }

    private static decimal AmountOf(JsonNode total) =>
        total is JsonObject money ? decimal.Parse(money["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture) : total.GetValue<decimal>();

    private static PerformanceGrade Graded(string partnerId, string quarter, Grade grade, decimal conversionRate) => new()
    {
        Id = Ids.New("grd"), PartnerId = partnerId, Environment = ApiEnvironment.Sandbox, Quarter = quarter, Grade = grade,
        CooperationMode = CooperationMode.RegionalDistribution, MonthlyFootfallPerOutlet = 3_000m, ConversionRate = conversionRate, RepurchaseRate = 0.3500m,
        PublishedAt = DateTimeOffset.UtcNow,
    };
}

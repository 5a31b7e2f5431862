using System.Net;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Settlement;
using Integration.Core.Common;
using Integration.Core.Insights;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Insights;

/// <summary>KPIs through the HTTP API, checked against domain.md › Partner insights to the cent and the basis point.</summary>
public sealed class KpiTests
{
    [Fact]
    public async Task The_worked_example_of_domain_md_comes_out_to_the_cent_and_the_basis_point()
    {
        await using var platform = await StartAsync(At(2025, 3, 10));
        var q = await InsightsPartner.StartAsync(platform);
        var o1 = await q.OutletAsync("CN-SH-PD", new DateOnly(2025, 1, 1));
        var o2 = await q.OutletAsync("CN-SH-HP", new DateOnly(2025, 1, 1));
        foreach (var customer in new[] { "c1", "c2", "c3" })
        {
            await q.CustomerAsync(customer);
        }

        await q.DeliverAsync(6_000m);                                    // March 2025: 6,000.00
        platform.MoveTo(At(2026, 1, 20));
        await q.DeliverAsync(500m, customer: "c2");                      // c2 had a delivered order in January
        platform.MoveTo(At(2026, 2, 20));
        var returnedLater = await q.DeliverAsync(1_000m);                // February 7,500.00, of which 1,000.00 is returned in March
        await q.DeliverAsync(6_500m);
        platform.MoveTo(At(2026, 3, 5));
        await q.ReturnAsync(returnedLater);
        platform.MoveTo(At(2026, 3, 10));
        await q.DeliverAsync(2_000m, o1, "c1");
        platform.MoveTo(At(2026, 3, 11));
        await q.DeliverAsync(3_000m, o1, "c2");
        platform.MoveTo(At(2026, 3, 12));
        await q.DeliverAsync(1_500m, o1, "c1");
        platform.MoveTo(At(2026, 3, 20));
        await q.DeliverAsync(3_500m, o2, "c3");
        await q.ActivityAsync(o1, new DateOnly(2026, 3, 10), 700, 49);
        await q.ActivityAsync(o2, new DateOnly(2026, 3, 20), 500, 35);
        await q.EventAsync(o1, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 12), 2_000m);
        platform.MoveTo(At(2026, 4, 2));

        var march = await q.KpisAsync("2026-03");

        Assert.Equal("9000.00", march.Amount("netSales"));
        Assert.Equal("10000.00", march.Amount("deliveredSales"));
        Assert.Equal("1000.00", march.Amount("returnedSales"));
        Assert.Equal("7500.00", march.Amount("previousNetSales"));
        Assert.Equal("6000.00", march.Amount("yearEarlierNetSales"));
        Assert.Equal("0.20", Text(march, "growth"));
        Assert.Equal("0.50", Text(march, "growthYearOnYear"));
        Assert.Equal(4, march["orders"]!.GetValue<int>());
        Assert.Equal("2500.00", march.Amount("averageOrderValue"));
        Assert.Equal(2, march["newCustomers"]!.GetValue<int>());
        Assert.Equal(2, march["repeatCustomers"]!.GetValue<int>());
        Assert.Equal(3, march["customers"]!.GetValue<int>());
        Assert.Equal("0.6667", Text(march, "repurchaseRate"));
        Assert.Equal(1200, march["footfall"]!.GetValue<long>());
        Assert.Equal(84, march["conversions"]!.GetValue<long>());
        Assert.Equal("0.07", Text(march, "conversionRate"));
        Assert.Equal("1.00", Text(march, "onTimeActivityRate"));
        Assert.Equal(2, march["outlets"]!.GetValue<int>());
        Assert.Equal(2, march["regionsCovered"]!.GetValue<int>());
        var evt = Assert.Single(march["events"]!.AsArray())!;
        Assert.Equal("6500.00", evt.Amount("sales"));
        Assert.Equal("2.25", Text(evt, "roi"));
        Assert.Equal(["CN-SH-PD", "CN-SH-HP"], march["topRegions"]!.AsArray().Select(r => r!["regionCode"]!.GetValue<string>()));
        Assert.Equal("6500.00", march["topRegions"]![0]!.Amount("netSales"));
        var sku = Assert.Single(march["topSkus"]!.AsArray())!;
        Assert.Equal(18, sku["units"]!.GetValue<int>());                // 20 units delivered, 2 returned
        Assert.Equal("9000.00", sku.Amount("netSales"));
        Assert.Equal("/docs/guides/insights#repurchase-rate", march["definitions"]!["repurchaseRate"]!.GetValue<string>());
        var guide = await (await platform.CreateClient().GetAsync("/docs/guides/insights")).Content.ReadAsStringAsync();
        foreach (var (kpi, link) in march["definitions"]!.AsObject())
        {
            Assert.True(guide.Contains($"id=\"{link!.GetValue<string>().Split('#')[1]}\"", StringComparison.Ordinal), $"{kpi}'s definition link lands on no heading of the guide");
        }
        Assert.True(march.AsObject().ContainsKey("stockOutRate") && march["stockOutRate"] is null); // Q holds no stock: no pairs to count

        // v1: the same figures as numbers.
        var v1 = await q.KpisAsync("2026-03", "v1");
        Assert.Equal(9000.00m, v1["netSales"]!.GetValue<decimal>());
        Assert.Equal(0.2m, v1["growth"]!.GetValue<decimal>());
        Assert.Equal(0.6667m, v1["repurchaseRate"]!.GetValue<decimal>());
        Assert.Equal(2.25m, v1["events"]![0]!["roi"]!.GetValue<decimal>());
        Assert.Contains("\"netSales\":9000.00", v1.ToJsonString());

        // Net sales equal the month's statement, to the cent.
        Assert.Equal(march.Amount("netSales"), (await q.Partner.StatementAsync("2026-03")).Amount("netSales"));

        // The quarter adds January and February; CSV carries the same figures.
        var quarter = await q.KpisAsync("2026-Q1");
        Assert.Equal("17000.00", quarter.Amount("netSales"));            // 500 + 7,500 + 9,000
        var csv = await q.GetAsync("/v2/insights/kpis/export?period=2026-03");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("record,period,name,value,unit,count,definition", text);
        Assert.Contains("kpi,2026-03,netSales,9000.00,CNY,,/docs/guides/insights#net-sales", text);
        Assert.Contains("kpi,2026-03,repurchaseRate,0.6667,ratio,", text);
        Assert.Contains("event_roi,2026-03,", text);
    }

    [Fact]
    public async Task Growth_crosses_the_year_boundary_and_a_zero_denominator_is_null_never_zero()
    {
        await using var platform = await StartAsync(At(2025, 12, 10));
        var p = await InsightsPartner.StartAsync(platform);
        await p.DeliverAsync(2_000m);
        platform.MoveTo(At(2026, 1, 10));
        await p.DeliverAsync(1_500m);
        platform.MoveTo(At(2026, 2, 1));

        var january = await p.KpisAsync("2026-01");
        Assert.Equal("2000.00", january.Amount("previousNetSales"));
        Assert.Equal("-0.25", Text(january, "growth"));                  // (1,500 − 2,000) / 2,000
        Assert.Null(january["growthYearOnYear"]);                         // nothing in January 2025
        Assert.Equal("2026-Q1", (await p.KpisAsync("2026-Q1"))["period"]!.GetValue<string>());
        Assert.Equal("-0.25", Text(await p.KpisAsync("2026-Q1"), "growth")); // Q1 2026 against Q4 2025

        var december = await p.KpisAsync("2025-12", "v1");
        Assert.Null(december["growth"]);                                  // November had no sales
        Assert.Null(december["repurchaseRate"]);                          // no customer named
        Assert.Null(december["conversionRate"]);                          // no activity reported
        Assert.Null(december["onTimeActivityRate"]);                      // no event ended
        var quiet = await p.KpisAsync("2025-06", "v1");
        Assert.Equal(0, quiet["orders"]!.GetValue<int>());
        Assert.Null(quiet["averageOrderValue"]);
        Assert.Equal("0.00", quiet["netSales"]!.ToJsonString());
    }

    [Fact]
    public async Task Periods_in_the_future_malformed_reversed_or_too_long_are_problems()
    {
        await using var platform = await StartAsync(At(2026, 3, 10));
        var p = await InsightsPartner.StartAsync(platform);

        await (await p.GetAsync("/v2/insights/kpis?period=2026-04")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "period_in_future");
        await (await p.GetAsync("/v1/insights/kpis?period=2026-Q2")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "period_in_future");
        foreach (var malformed in new[] { "2026-13", "2026-3", "26-03", "2026-Q5", "March", "", "0001", "1999-12", "0001-Q1" })
        {
            await (await p.GetAsync($"/v2/insights/kpis?period={malformed}")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
        await (await p.GetAsync("/v2/insights/kpis/series?from=2026-03&to=2026-01")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "period_range_reversed");
        await (await p.GetAsync("/v2/insights/kpis/series?from=2023-01&to=2026-02")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "period_range_too_long");
        await (await p.GetAsync("/v2/insights/kpis/series?from=2026-01&to=2026-05")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "period_in_future");
        await (await p.GetAsync("/v2/insights/kpis/series?from=2026-01&to=2026-03&granularity=week")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await p.GetAsync("/v2/insights/kpis/series?from=0001&to=0001")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        // The current month is answered with its figures so far; a series of 36 months is the most there is.
        Assert.Equal("2026-03", (await p.KpisAsync("2026-03"))["period"]!.GetValue<string>());
        var series = await (await p.GetAsync("/v2/insights/kpis/series?from=2023-04&to=2026-03")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(36, series["periods"]!.AsArray().Count);
        var quarters = await (await p.GetAsync("/v1/insights/kpis/series?from=2025-02&to=2026-03&granularity=quarter")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"], quarters["periods"]!.AsArray().Select(k => k!["period"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_randomized_tenant_has_net_sales_equal_to_its_statements_and_the_rebuild_gives_the_same_figures()
    {
        var random = new Random(Environment.TickCount);
        await using var platform = await StartAsync(At(2026, 1, 3));
        var p = await InsightsPartner.StartAsync(platform);
        var outlet = await p.OutletAsync("CN-BJ-CY", new DateOnly(2025, 6, 1));
        for (var c = 0; c < 4; c++)
        {
            await p.CustomerAsync($"cust-{c}");
        }
        var delivered = new List<(string Id, DateTimeOffset At)>();
        for (var day = 0; day < 80; day += random.Next(2, 6))
        {
            var at = At(2026, 1, 3).AddDays(day);
            platform.MoveTo(at);
            var customer = random.Next(5) is var c && c < 4 ? $"cust-{c}" : null;
            delivered.Add((await p.DeliverAsync(500m * random.Next(1, 9), random.Next(2) == 0 ? outlet : null, customer), at));
            if (random.Next(4) == 0 && delivered.FirstOrDefault(d => at - d.At < TimeSpan.FromDays(25) && d.Id != delivered[^1].Id) is { Id: { } back })
            {
                await p.ReturnAsync(back);
                delivered.RemoveAll(d => d.Id == back);
            }
        }
        platform.MoveTo(At(2026, 4, 2));

        var months = new[] { "2026-01", "2026-02", "2026-03" };
        foreach (var month in months)
        {
            Assert.Equal((await p.Partner.StatementAsync(month)).Amount("netSales"), (await p.KpisAsync(month)).Amount("netSales"));
        }
        var incremental = await FiguresAsync(p, months);

        var admin = await platform.AdminClientAsync();
        var rebuilt = await (await admin.PostAsync($"/admin/v1/insights/rebuild?partnerId={p.Id}", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(rebuilt["ordersReplayed"]!.GetValue<int>() > 0);
        Assert.Equal(incremental, await FiguresAsync(p, months));
    }

    [Fact]
    public async Task After_a_burst_of_orders_the_next_read_already_counts_every_one()
    {
        await using var platform = await StartAsync(At(2026, 5, 4));
        var p = await InsightsPartner.StartAsync(platform);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => p.DeliverAsync(500m)));

        var may = await p.KpisAsync("2026-05");

        Assert.Equal(12, may["orders"]!.GetValue<int>());
        Assert.Equal("6000.00", may.Amount("netSales"));
    }

    [Fact]
    public async Task The_brand_wide_view_breaks_partners_down_and_ranks_them_by_net_sales()
    {
        await using var platform = await StartAsync(At(2026, 3, 10));
        var small = await InsightsPartner.StartAsync(platform);
        var large = await InsightsPartner.StartAsync(platform);
        await small.DeliverAsync(1_000m);
        await large.DeliverAsync(5_000m);
        await large.DeliverAsync(500m);

        var viewer = await platform.ClientWithRoleAsync(Core.Credentials.InternalRole.Viewer);
        var brand = await (await viewer.GetAsync("/admin/v1/insights?period=2026-03&environment=live&ranked=100")).ReadJsonAsync(HttpStatusCode.OK);

        var ranked = brand["ranked"]!.AsArray().Where(r => r!["partnerId"]!.GetValue<string>() is var id && (id == small.Id || id == large.Id)).ToList();
        Assert.Equal([large.Id, small.Id], ranked.Select(r => r!["partnerId"]!.GetValue<string>()));
        Assert.Equal("5500.00", ranked[0]!.Amount("netSales"));
        Assert.Equal(2, ranked[0]!["orders"]!.GetValue<int>());
        Assert.True(ranked[0]!["rank"]!.GetValue<int>() < ranked[1]!["rank"]!.GetValue<int>());
        Assert.Contains(brand["byTier"]!.AsArray(), b => b!["key"]!.GetValue<string>() == "advanced");
        Assert.Contains(brand["byRating"]!.AsArray(), b => b!["key"]!.GetValue<string>() == "B");
        Assert.NotEmpty(brand["byRegion"]!.AsArray());
        Assert.NotEmpty(brand["byCooperationMode"]!.AsArray());

        var partner = await small.Partner.ClientAsync();
        await (await partner.GetAsync("/admin/v1/insights?period=2026-03")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.PostAsync("/admin/v1/insights/rebuild", null)).ReadProblemAsync(HttpStatusCode.Forbidden, "insufficient_role");
    }

    [Fact]
    public async Task The_monthly_roll_up_equals_the_day_rows_after_deliveries_returns_and_a_rebuild()
    {
        await using var platform = await StartAsync(At(2026, 1, 28));
        var a = await InsightsPartner.StartAsync(platform);
        var b = await InsightsPartner.StartAsync(platform);
        var outlet = await a.OutletAsync("CN-BJ-CY", new DateOnly(2025, 6, 1));
        await a.CustomerAsync("c1");
        var januaryOrder = await a.DeliverAsync(1_000m, outlet, "c1");
        await a.DeliverAsync(500m);
        await b.DeliverAsync(500m);
        platform.MoveTo(At(2026, 2, 3));
        await a.ReturnAsync(januaryOrder); // delivered in January, returned in February
        await a.DeliverAsync(1_500m, outlet);
        await b.DeliverAsync(2_000m);
        platform.MoveTo(At(2026, 3, 1));
        await Task.WhenAll(a.DeliverAsync(500m), b.DeliverAsync(500m), b.DeliverAsync(1_000m));

        var incremental = await MonthRowsAsync(platform);
        Assert.Equal(await DayRowsByMonthAsync(platform), incremental);
        Assert.Contains($"{a.Id} 2026-02 delivered 150000 in 1, returned 100000 in 1", incremental);

        var viewer = await platform.ClientWithRoleAsync(Core.Credentials.InternalRole.Viewer);
        var february = await (await viewer.GetAsync("/admin/v1/insights?period=2026-02&ranked=100")).ReadJsonAsync(HttpStatusCode.OK);
        var ranked = february["ranked"]!.AsArray().ToDictionary(r => r!["partnerId"]!.GetValue<string>(), r => r!);
        Assert.Equal("500.00", ranked[a.Id].Amount("netSales"));
        Assert.Equal("2000.00", ranked[b.Id].Amount("netSales"));
        Assert.Equal((await a.KpisAsync("2026-02")).Amount("netSales"), ranked[a.Id].Amount("netSales"));

        var admin = await platform.AdminClientAsync();
        await (await admin.PostAsync("/admin/v1/insights/rebuild", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(incremental, await MonthRowsAsync(platform));
        Assert.Equal(await DayRowsByMonthAsync(platform), await MonthRowsAsync(platform));
    }

    private static async Task<List<string>> MonthRowsAsync(SettlementPlatform platform)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IntegrationDbContext>().Visible<SalesMonth>().AsNoTracking().ToListAsync();
        return [.. rows.Select(m => Row(m.PartnerId, m.Environment, m.Month, m.Delivered, m.DeliveredOrders, m.Returned, m.ReturnedOrders)).Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> DayRowsByMonthAsync(SettlementPlatform platform)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var days = await scope.ServiceProvider.GetRequiredService<IntegrationDbContext>().Visible<SalesDay>().AsNoTracking().ToListAsync();
        return [.. days.GroupBy(d => (d.PartnerId, d.Environment, Month: new DateOnly(d.Day.Year, d.Day.Month, 1)))
            .Select(g => Row(g.Key.PartnerId, g.Key.Environment, g.Key.Month,
                g.Sum(d => d.Delivered), g.Sum(d => d.DeliveredOrders), g.Sum(d => d.Returned), g.Sum(d => d.ReturnedOrders)))
            .Order(StringComparer.Ordinal)];
    }

    private static string Row(string partnerId, ApiEnvironment environment, DateOnly month, decimal delivered, int deliveredOrders, decimal returned, int returnedOrders) =>
        FormattableString.Invariant($"{partnerId} {month:yyyy-MM} delivered {delivered * 100:0} in {deliveredOrders}, returned {returned * 100:0} in {returnedOrders}")
        + (environment == ApiEnvironment.Live ? "" : $" ({environment})");

    private static async Task<string> FiguresAsync(InsightsPartner p, string[] months)
    {
        var figures = new List<string>();
        foreach (var period in months.Append("2026-Q1"))
        {
            var kpis = await p.KpisAsync(period);
            kpis.AsObject().Remove("asOf");
            figures.Add(kpis.ToJsonString());
        }
        return string.Join('\n', figures);
    }

    private static string? Text(JsonNode node, string field) => node[field]?.GetValue<string>();
}

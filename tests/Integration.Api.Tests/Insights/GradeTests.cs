using System.Net;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Settlement;
using Integration.Application.Insights;
using Integration.Core.Common;
using Integration.Core.Customers;
using Integration.Core.Outlets;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Insights;

/// <summary>
/// Issue 23 part 5: quarter-end performance grades against domain.md's thresholds, published to the partner and kept.
/// Outlets, activity reports and customers are written to the database: their APIs are built on other branches.
/// </summary>
public sealed class GradeTests
{
    /// <summary>
    /// A live partner whose Q2 2026 sits exactly on grade A's thresholds: two outlets with 9,000 footfall each over the
    /// quarter (3,000 a month per outlet) and 1,440 conversions (0.0800); customers c1 and c2 (two orders each) and c3
    /// (one) buy in Q2, so 2 of 3 repurchase (0.6667).
    /// </summary>
    private static async Task<SettlementPartner> OnGradeABoundaryAsync(SettlementPlatform platform)
    {
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(100m);
        string[] outlets = ["out_" + Guid.NewGuid().ToString("N")[..20], "out_" + Guid.NewGuid().ToString("N")[..20]];
        string[] customers = ["c1", "c2", "c3"];
        await platform.WithDbAsync(async db =>
        {
            foreach (var outlet in outlets)
            {
                db.Outlets.Add(new Outlet { Id = outlet, PartnerId = p.Id, Environment = ApiEnvironment.Live, Name = "Store " + outlet, RegionCode = "CN-SH-PD", OpenedOn = new DateOnly(2026, 1, 1) });
                foreach (var month in new[] { 4, 5, 6 })
                {
                    db.OutletDays.Add(new OutletDay { OutletId = outlet, PartnerId = p.Id, Environment = ApiEnvironment.Live, Day = new DateOnly(2026, month, 10), Footfall = 3_000, Conversions = 240 });
                }
            }
            foreach (var customer in customers)
            {
                db.Customers.Add(new Customer { Id = "cus_" + Guid.NewGuid().ToString("N")[..20], PartnerId = p.Id, Environment = ApiEnvironment.Live, ExternalId = customer });
            }
            return await db.SaveChangesAsync();
        });
        foreach (var customer in new[] { "c1", "c1", "c2", "c2", "c3" })
        {
            await DeliverToAsync(platform, p, sku, customer);
        }
        return p;
    }

    private static async Task DeliverToAsync(SettlementPlatform platform, SettlementPartner p, string sku, string customer)
    {
        var body = new { reference = "PO-" + Guid.NewGuid().ToString("N")[..12], lines = new[] { new { sku, quantity = 1 } }, customerExternalId = customer };
        var id = (await (await (await p.ClientAsync()).PostOrderAsync(body)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        foreach (var (action, payload) in new (string, object?)[] { ("confirm", null), ("ship", new { carrier = "SF", trackingNumber = "SF1" }), ("deliver", null) })
        {
            await (await platform.AdminMoveAsync(id, action, payload)).ReadJsonAsync(HttpStatusCode.OK);
        }
    }

    private static async Task RunQuarterEndAsync(PlatformFactory platform) =>
        await platform.Services.GetRequiredService<QuarterEndJob>().RunOnceAsync(CancellationToken.None);

    private static async Task<JsonArray> GradesAsync(SettlementPartner p, string version = "v2") =>
        (await (await (await p.ClientAsync()).GetAsync($"/{version}/insights/grades")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();

    [Fact]
    public async Task Exactly_on_the_A_thresholds_the_quarter_grades_A_published_once_with_its_figures_and_kept_as_history()
    {
        await using var platform = await StartAsync(At(2026, 4, 1, 9));
        var p = await OnGradeABoundaryAsync(platform);

        platform.MoveTo(At(2026, 6, 30, 23));
        await RunQuarterEndAsync(platform);
        Assert.Empty(await GradesAsync(p)); // the quarter has not ended

        platform.MoveTo(At(2026, 7, 1, 0));
        await RunQuarterEndAsync(platform);
        await RunQuarterEndAsync(platform);
        var q2 = Assert.Single(await GradesAsync(p))!;
        Assert.Equal("2026-Q2", q2["quarter"]!.GetValue<string>());
        Assert.Equal("A", q2["grade"]!.GetValue<string>());
        Assert.Equal(3_000m, q2["monthlyFootfallPerOutlet"]!.GetValue<decimal>());
        Assert.Equal(0.0800m, q2["conversionRate"]!.GetValue<decimal>());
        Assert.Equal(0.6667m, q2["repurchaseRate"]!.GetValue<decimal>());
        Assert.Equal("A", Assert.Single(await GradesAsync(p, "v1"))!["grade"]!.GetValue<string>());
        var published = Assert.Single((await (await (await p.ClientAsync()).GetAsync("/v2/events?types=partner.grade_published")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray())!;
        Assert.Equal("A", published["data"]!["grade"]!.GetValue<string>());
        Assert.Equal("2026-Q2", published["data"]!["quarter"]!.GetValue<string>());

        platform.MoveTo(At(2026, 10, 1, 0)); // nothing reported in Q3: nothing to divide by, grade C
        await RunQuarterEndAsync(platform);
        var history = await GradesAsync(p);
        Assert.Equal(["2026-Q3", "2026-Q2"], history.Select(g => g!["quarter"]!.GetValue<string>()));
        Assert.Equal("C", history[0]!["grade"]!.GetValue<string>());
        Assert.Null(history[0]!["conversionRate"]);
        var admin = await platform.AdminClientAsync();
        Assert.Equal(2, (await (await admin.GetAsync($"/admin/v1/partners/{p.Id}/grades")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_targets_of_the_partners_cooperation_mode_come_from_configuration()
    {
        await using var platform = await StartAsync(At(2026, 4, 1, 9),
            new Dictionary<string, string> { ["Insights:Grades:regional_distribution:A:MonthlyFootfallPerOutlet"] = "3001" });
        var p = await OnGradeABoundaryAsync(platform);

        platform.MoveTo(At(2026, 7, 1, 0));
        await RunQuarterEndAsync(platform);
        Assert.Equal("B", Assert.Single(await GradesAsync(p))!["grade"]!.GetValue<string>());
    }

    [Fact]
    public async Task Grades_need_the_insights_scope()
    {
        await using var platform = await StartAsync(At(2026, 4, 1, 9));
        var partnerId = await platform.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
        var credential = await platform.IssueCredentialAsync(partnerId, "live", "orders:read");
        var client = platform.ClientWithToken(await platform.TokenAsync(credential.ClientId, credential.Secret));
        await (await client.GetAsync("/v2/insights/grades")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}

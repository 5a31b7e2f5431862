using System.Net;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Inventory;
using Integration.Api.Tests.Settlement;
using Integration.Application.Insights;
using Integration.Core.Common;
using Integration.Core.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Insights;

/// <summary>Issue 23: the daily 00:00 stock snapshot and the stock-side KPIs read from it, for a small tenant driven through the API.</summary>
public sealed class StockKpiTests
{
    private static async Task<StockKpiFigures> KpisAsync(PlatformFactory platform, string partnerId, string period)
    {
        Assert.True(KpiPeriod.TryParse(period, out var kpiPeriod));
        await using var scope = platform.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<KpiReader>().ForPartnerAsync(partnerId, ApiEnvironment.Live, kpiPeriod, CancellationToken.None)).Stock;
    }

    private static async Task<int?> SnapshotAsync(PlatformFactory platform) =>
        await platform.Services.GetRequiredService<StockSnapshotJob>().RunOnceAsync(CancellationToken.None);

    private static async Task<PartnerSession> SessionAsync(SettlementPartner partner) =>
        new(partner.Id, partner.Credential, "", await partner.ClientAsync());

    [Fact]
    public async Task Stock_out_rate_sell_through_and_turnover_follow_the_daily_snapshots_also_over_days_the_job_did_not_see()
    {
        await using var platform = await StartAsync(At(2026, 3, 1, 8));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(10m);
        var idle = await platform.ProductForAdvancedAsync(20m);
        var session = await SessionAsync(p);
        var location = await session.CreateLocationAsync();
        (await session.SetStockAsync(location, sku, 100)).EnsureSuccessStatusCode();
        (await session.SetStockAsync(location, idle, 0)).EnsureSuccessStatusCode();

        Assert.Equal(2, await SnapshotAsync(platform)); // 1 March: 100 and 0 on hand
        Assert.Equal(0, await SnapshotAsync(platform)); // once a day
        platform.MoveTo(At(2026, 3, 1, 15));
        (await (await SessionAsync(p)).AdjustAsync(location, sku, 50, "received")).EnsureSuccessStatusCode();
        (await (await SessionAsync(p)).AdjustAsync(location, sku, -5, "damaged")).EnsureSuccessStatusCode();
        (await (await SessionAsync(p)).AdjustAsync(location, sku, 5, "count_correction")).EnsureSuccessStatusCode();
        platform.MoveTo(At(2026, 3, 3, 9)); // the job did not run on 2 March
        await p.DeliverOrderAsync(sku, 30);
        Assert.Equal(4, await SnapshotAsync(platform)); // 2 and 3 March, from the change feed: 150 and 0 on hand

        var march = await KpisAsync(platform, p.Id, "2026-03");
        Assert.Equal(0.5000m, march.StockOutRate); // one pair of two out of stock, each day
        Assert.Equal(0.2000m, march.SellThrough); // 30 / (100 + 50)
        Assert.Equal(0.2250m, march.InventoryTurnover); // 30 / ((100 + 150 + 150) / 3)
    }

    [Fact]
    public async Task A_period_without_snapshots_or_deliveries_has_null_ratios_never_zero()
    {
        await using var platform = await StartAsync(At(2026, 3, 1, 8));
        var p = await platform.NewPartnerAsync();
        await SnapshotAsync(platform);

        var february = await KpisAsync(platform, p.Id, "2026-02");
        Assert.Equal(new StockKpiFigures(null, null, null), february);
    }

    [Fact]
    public async Task Two_instances_taking_the_snapshot_at_once_record_each_day_once()
    {
        await using var platform = await StartAsync(At(2026, 3, 1, 8));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(10m);
        var session = await SessionAsync(p);
        (await session.SetStockAsync(await session.CreateLocationAsync(), sku, 0)).EnsureSuccessStatusCode();
        await using var second = await platform.SecondInstanceAsync(At(2026, 3, 1, 8));

        await Task.WhenAll(SnapshotAsync(platform), SnapshotAsync(second));
        await SnapshotAsync(second);

        Assert.Equal(1, await platform.WithDbAsync(db => db.Visible<StockSnapshot>().CountAsync(s => s.PartnerId == p.Id)));
        Assert.Equal(1.0000m, (await KpisAsync(platform, p.Id, "2026-Q1")).StockOutRate);
    }
}

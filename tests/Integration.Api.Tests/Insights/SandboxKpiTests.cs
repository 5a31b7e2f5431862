using System.Globalization;
using System.Net;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Sandbox;
using Integration.Api.Tests.Settlement;

namespace Integration.Api.Tests.Insights;

/// <summary>Sandbox KPIs come from sandbox data and follow the sandbox clock, including the orders its advances deliver in batches.</summary>
public sealed class SandboxKpiTests
{
    [Fact]
    public async Task Sandbox_figures_follow_the_sandbox_clock_and_count_what_its_advance_delivered()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var (sandbox, live) = await platform.PartnerInBothEnvironmentsAsync();
        await (await sandbox.GetAsync("/v2/insights/kpis?period=2026-12")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "period_in_future");

        var advanced = await sandbox.AdvanceAsync("P10D");                 // the sandbox is now in December 2026; live is not
        Assert.True(advanced["ran"]!["ordersDelivered"]!.GetValue<int>() > 0);

        var december = await (await sandbox.GetAsync("/v2/insights/kpis?period=2026-12")).ReadJsonAsync(HttpStatusCode.OK);
        var deliveredInDecember = (await sandbox.OrdersAsync())
            .Where(o => o!["deliveredAt"]?.GetValue<string>() is { } at && at.StartsWith("2026-12", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(deliveredInDecember);
        Assert.Equal(deliveredInDecember.Count, december["orders"]!.GetValue<int>());
        Assert.Equal(
            deliveredInDecember.Sum(o => decimal.Parse(o!["total"]!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToString("0.00", CultureInfo.InvariantCulture),
            december.Amount("netSales"));
        await (await live.GetAsync("/v2/insights/kpis?period=2026-12")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "period_in_future");
        Assert.Equal("0.00", (await (await live.GetAsync("/v2/insights/kpis?period=2026-11")).ReadJsonAsync(HttpStatusCode.OK)).Amount("netSales"));
    }
}

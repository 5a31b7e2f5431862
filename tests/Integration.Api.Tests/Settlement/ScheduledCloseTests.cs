using Integration.Api.Settlement;
using Integration.Application.Settlement;
using Integration.Core.Settlement;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Settlement;

/// <summary>The scheduled close: at midnight after the month in the configured zone (never before the UTC month ends), plus the delay.</summary>
public sealed class ScheduledCloseTests
{
    [Theory]
    [InlineData("UTC", "00:00:00", "2026-04-01T00:00:00Z")]
    [InlineData("UTC", "06:00:00", "2026-04-01T06:00:00Z")]
    [InlineData("America/New_York", "00:00:00", "2026-04-01T04:00:00Z")]     // EDT midnight is 04:00 UTC
    [InlineData("Asia/Shanghai", "02:00:00", "2026-04-01T02:00:00Z")]        // Shanghai's midnight comes before the UTC month ends
    public void A_month_falls_due_at_midnight_after_it_in_the_zone_plus_the_delay(string zone, string delay, string due)
    {
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            CloseSchedule.DueAt(new SettlementPeriod(2026, 3), TimeZoneInfo.FindSystemTimeZoneById(zone), TimeSpan.Parse(delay, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_job_closes_a_month_once_it_is_due_and_only_once()
    {
        await using var platform = await StartAsync(At(2026, 3, 10));
        var p = await platform.NewPartnerAsync();
        var sku = await platform.ProductForAdvancedAsync(1_000m);
        await p.DeliverOrderAsync(sku, 2);
        var jobs = platform.Services.GetRequiredService<SettlementJobs>();

        platform.MoveTo(new DateTimeOffset(2026, 4, 1, 5, 59, 0, TimeSpan.Zero));         // default delay: 6 hours
        Assert.Equal(0, await jobs.CloseDueMonthsAsync(CancellationToken.None));
        Assert.Equal("open", (await p.StatementAsync("2026-03"))["status"]!.GetValue<string>());

        platform.MoveTo(new DateTimeOffset(2026, 4, 1, 6, 1, 0, TimeSpan.Zero));
        Assert.Equal(1, await jobs.CloseDueMonthsAsync(CancellationToken.None));
        var march = await p.StatementAsync("2026-03");
        Assert.Equal("closed", march["status"]!.GetValue<string>());
        Assert.Equal("-1720.00", march.Amount("balance"));                                // −2,000 + 300 − 20

        Assert.Equal(0, await jobs.CloseDueMonthsAsync(CancellationToken.None));
        var events = await (await (await p.ClientAsync()).GetAsync("/v2/events?types=settlement.closed")).Content.ReadAsStringAsync();
        Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(events)!["data"]!.AsArray());
    }

    [Fact]
    public async Task Two_instances_closing_the_same_month_at_once_make_one_statement_per_partner()
    {
        await using var first = await StartAsync(At(2026, 3, 10));
        var partners = new List<SettlementPartner>();
        var sku = await first.ProductForAdvancedAsync(100m);
        for (var i = 0; i < 5; i++)
        {
            var partner = await first.NewPartnerAsync();
            await partner.DeliverOrderAsync(sku, i + 1);
            partners.Add(partner);
        }
        first.MoveTo(At(2026, 4, 2));
        await using var second = await first.SecondInstanceAsync(At(2026, 4, 2));

        var outcomes = await Task.WhenAll(
            first.Services.GetRequiredService<SettlementJobs>().CloseDueMonthsAsync(CancellationToken.None),
            second.Services.GetRequiredService<SettlementJobs>().CloseDueMonthsAsync(CancellationToken.None));

        Assert.Equal(5, outcomes.Sum());
        foreach (var partner in partners)
        {
            var list = await (await (await partner.ClientAsync()).GetAsync("/v2/settlements")).Content.ReadAsStringAsync();
            Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(list)!["data"]!.AsArray());
        }
        Assert.True((await first.TrialBalanceAsync())["balanced"]!.GetValue<bool>());
    }
}

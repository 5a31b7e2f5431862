using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Insights;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Insights;

/// <summary>
/// The brand-wide view for internal teams: net sales and orders of a period across every partner of an environment,
/// broken down by tier, credit rating, region and cooperation mode, and partners ranked by net sales. Read from the
/// same sales aggregates as each partner's KPIs, so the sum over partners is the sum of their own figures.
/// </summary>
public sealed class BrandInsights(IntegrationDbContext db, BusinessClock clock)
{
    public const int MaxRanked = 100;

    public async Task<BrandInsightsResponse> ForPeriodAsync(ApiEnvironment environment, KpiPeriod period, int ranked, CancellationToken cancellationToken)
    {
        var current = await ByPartnerAsync(environment, period, cancellationToken);
        var previous = await ByPartnerAsync(environment, period.Previous, cancellationToken);
        var ids = current.Keys.ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PartnerFacts(p.Id, p.Name, p.Tier, p.CreditRating, p.CooperationMode, p.RegionCode)).ToListAsync(cancellationToken);
        var rows = partners.Select(p => new PartnerRow(p, current[p.Id], previous.TryGetValue(p.Id, out var before) ? before.Net : 0m)).ToList();
        var net = rows.Sum(r => r.Sales.Net);
        var previousNet = previous.Values.Sum(s => s.Net);
        MoneyAmount M(decimal amount) => MoneyAmount.Of(amount, Money.DefaultCurrency);
        string? Rate(decimal? ratio) => ratio is { } r ? Rates.Format(r) : null;
        IReadOnlyList<InsightsBreakdown> By(Func<PartnerFacts, string> key) => [.. rows.GroupBy(r => key(r.Partner))
            .Select(g => new InsightsBreakdown(g.Key, g.Count(), g.Sum(r => r.Sales.Orders), M(g.Sum(r => r.Sales.Net)), Rate(Ratios.Of(g.Sum(r => r.Sales.Net), net))))
            .OrderByDescending(b => b.Orders).ThenBy(b => b.Key, StringComparer.Ordinal)];
        var ranking = rows.OrderByDescending(r => r.Sales.Net).ThenBy(r => r.Partner.Id, StringComparer.Ordinal).Take(ranked)
            .Select((r, i) => new RankedPartner(i + 1, r.Partner.Id, r.Partner.Name, r.Partner.Tier, r.Partner.CreditRating, r.Partner.CooperationMode,
                r.Partner.RegionCode, r.Sales.Orders, M(r.Sales.Net), Rate(Ratios.Of(r.Sales.Net - r.Previous, r.Previous))))
            .ToList();
        return new BrandInsightsResponse(period.ToString(), environment, clock.GetUtcNow(), M(net), M(previousNet), Rate(Ratios.Of(net - previousNet, previousNet)),
            rows.Sum(r => r.Sales.Orders), rows.Count,
            By(p => SnakeCase.Of(p.Tier)), By(p => p.CreditRating.ToString()), By(p => p.RegionCode), By(p => SnakeCase.Of(p.CooperationMode)), ranking);
    }

    private sealed record PartnerSales(decimal Net, int Orders);

    private sealed record PartnerFacts(string Id, string Name, PartnerTier Tier, CreditRating CreditRating, CooperationMode CooperationMode, string RegionCode);

    private sealed record PartnerRow(PartnerFacts Partner, PartnerSales Sales, decimal Previous);

    private async Task<Dictionary<string, PartnerSales>> ByPartnerAsync(ApiEnvironment environment, KpiPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        // One roll-up row per partner and month (a period is whole months), not a month of day rows.
        var rows = await db.Visible<SalesMonth>().AsNoTracking().Where(d => d.Environment == environment && d.Month >= start && d.Month < end)
            .GroupBy(d => d.PartnerId)
            .Select(g => new { PartnerId = g.Key, Delivered = g.Sum(d => d.Delivered), Returned = g.Sum(d => d.Returned), Orders = g.Sum(d => d.DeliveredOrders) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.PartnerId, r => new PartnerSales(r.Delivered - r.Returned, r.Orders), StringComparer.Ordinal);
    }
}

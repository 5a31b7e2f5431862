using Integration.Core.Common;
using Integration.Core.Insights;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Insights;

/// <summary>
/// Stock-out rate, sell-through and inventory turnover of a partner for a period, from the daily stock snapshots
/// (<see cref="StockSnapshotJob"/>) and the units delivered in the period (the SKU sales aggregates). Days without a snapshot (before the
/// platform took the first, or still to come) do not count.
/// </summary>
public sealed class StockKpis(IntegrationDbContext db)
{
    /// <summary>
    /// The figures, given the units delivered in the period (which the caller has read from <see cref="SkuSalesDay"/>: the
    /// delivery's own day as its <c>DeliveredAt</c> gives it, so the same units as the orders delivered in the period).
    /// </summary>
    public async Task<StockKpiFigures> ForAsync(string partnerId, ApiEnvironment environment, KpiPeriod period, long delivered, CancellationToken cancellationToken)
    {
        var snapshots = db.Visible<StockSnapshot>().AsNoTracking().Where(s => s.PartnerId == partnerId && s.Environment == environment);
        var days = await snapshots.Where(s => s.Day >= period.Start && s.Day < period.End)
            .GroupBy(s => s.Day)
            .Select(g => new { Day = g.Key, Pairs = g.Count(), Out = g.Count(s => s.Available == 0), OnHand = g.Sum(s => (long)s.OnHand) })
            .OrderBy(d => d.Day)
            .ToListAsync(cancellationToken);
        // A day's receipts are on the next day's snapshot: those of the period's last day are on the next period's first.
        var received = await snapshots.Where(s => s.Day > period.Start && s.Day <= period.End).SumAsync(s => (long)s.ReceivedDayBefore, cancellationToken);

        var stocked = days.Where(d => d.Pairs > 0).ToList();
        var stockOutRate = Ratios.Of(stocked.Sum(d => (decimal)d.Out / d.Pairs), stocked.Count);
        var onHandAtStart = days.Count == 0 ? 0 : days[0].OnHand;
        var sellThrough = Ratios.Of(delivered, onHandAtStart + received);
        // delivered / (sum of on hand / days), without dividing twice.
        var turnover = Ratios.Of((decimal)delivered * days.Count, days.Sum(d => d.OnHand));
        return new StockKpiFigures(stockOutRate, sellThrough, turnover);
    }
}

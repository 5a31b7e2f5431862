using Integration.Core.Common;
using Integration.Core.Insights;
using Integration.Core.Outlets;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Insights;

/// <summary>
/// A partner's KPIs for a month, quarter or year (domain.md › Partner insights), read from the sales aggregates
/// (<see cref="SalesDay"/>, <see cref="SalesMonth"/>, <see cref="SkuSalesDay"/>, <see cref="CustomerDay"/>) that each delivery and return
/// keeps up to date in its own transaction, and from the partner's outlets, activity reports and events, never
/// from a scan of the orders. Works for any caller: the partner API (tenant-scoped) and internal jobs alike.
/// </summary>
public sealed class KpiReader(IntegrationDbContext db, StockKpis stock, BusinessClock clock)
{
    public const int TopCount = 10;

    public async Task<PartnerKpis> ForPartnerAsync(string partnerId, ApiEnvironment environment, KpiPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var byOutlet = await Days(partnerId, environment, start, end).GroupBy(d => d.OutletId)
            .Select(g => new { OutletId = g.Key, Delivered = g.Sum(d => d.Delivered), Orders = g.Sum(d => d.DeliveredOrders), Returned = g.Sum(d => d.Returned) })
            .ToListAsync(cancellationToken);
        var delivered = byOutlet.Sum(o => o.Delivered);
        var returned = byOutlet.Sum(o => o.Returned);
        var orders = byOutlet.Sum(o => o.Orders);
        var net = delivered - returned;
        var (previous, yearEarlier) = await EarlierNetSalesAsync(partnerId, environment, period, cancellationToken);

        var customers = await CustomersAsync(partnerId, environment, start, end, cancellationToken);
        var activity = await db.Visible<OutletDay>().AsNoTracking()
            .Where(d => d.PartnerId == partnerId && d.Environment == environment && d.Day >= start && d.Day < end)
            .GroupBy(_ => 1).Select(g => new { Footfall = g.Sum(d => (long)d.Footfall), Conversions = g.Sum(d => (long)d.Conversions) })
            .SingleOrDefaultAsync(cancellationToken);
        var outlets = await db.Visible<Outlet>().AsNoTracking().Where(o => o.PartnerId == partnerId && o.Environment == environment)
            .Select(o => new { o.Id, o.RegionCode, o.OpenedOn, o.ClosedOn }).ToListAsync(cancellationToken);
        var lastDay = end.AddDays(-1);
        var open = outlets.Where(o => o.OpenedOn <= lastDay && (o.ClosedOn is not { } closed || closed > lastDay)).ToList();
        var regionOf = outlets.ToDictionary(o => o.Id, o => o.RegionCode);
        var events = await EventsAsync(partnerId, environment, start, end, cancellationToken);

        var topSkus = await db.Visible<SkuSalesDay>().AsNoTracking()
            .Where(d => d.PartnerId == partnerId && d.Environment == environment && d.Day >= start && d.Day < end)
            .GroupBy(d => d.Sku)
            .Select(g => new
            {
                Sku = g.Key, UnitsDelivered = g.Sum(d => (long)d.UnitsDelivered), Units = g.Sum(d => d.UnitsDelivered - d.UnitsReturned),
                Delivered = g.Sum(d => d.Delivered), Returned = g.Sum(d => d.Returned),
            })
            .ToListAsync(cancellationToken);
        var topRegions = byOutlet.Where(o => regionOf.ContainsKey(o.OutletId)).GroupBy(o => regionOf[o.OutletId])
            .Select(g => new RegionSales(g.Key, g.Sum(o => o.Orders), g.Sum(o => o.Delivered - o.Returned)))
            .OrderByDescending(r => r.NetSales).ThenBy(r => r.RegionCode, StringComparer.Ordinal).Take(TopCount).ToList();

        return new PartnerKpis(
            partnerId, period, Money.DefaultCurrency, delivered, returned, net, previous, yearEarlier,
            Ratios.Of(net - previous, previous), Ratios.Of(net - yearEarlier, yearEarlier),
            orders, orders == 0 ? null : Money.Round(delivered / orders),
            customers.Count, customers.Count(c => c.First >= start), customers.Count(c => c.UpToEnd >= 2),
            Ratios.Of(customers.Count(c => c.UpToEnd >= 2), customers.Count),
            activity?.Footfall ?? 0, activity?.Conversions ?? 0, Ratios.Of(activity?.Conversions ?? 0, activity?.Footfall ?? 0),
            open.Count, open.Select(o => o.RegionCode).Distinct(StringComparer.Ordinal).Count(),
            events.Count, events.Count(e => e.EndedOnTime), Ratios.Of(events.Count(e => e.EndedOnTime), events.Count), events,
            [.. topSkus.Select(s => new SkuSales(s.Sku, s.Units, s.Delivered - s.Returned))
                .OrderByDescending(s => s.NetSales).ThenBy(s => s.Sku, StringComparer.Ordinal).Take(TopCount)],
            topRegions,
            await stock.ForAsync(partnerId, environment, period, topSkus.Sum(s => s.UnitsDelivered), cancellationToken));
    }

    /// <summary>
    /// Refuses a period that has not started yet on the caller's clock (the sandbox clock in the sandbox): 422
    /// <c>period_in_future</c>. The current period is answered with its figures so far.
    /// </summary>
    public void EnsureStarted(KpiPeriod period)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (period.Start > today)
        {
            throw new DomainException(ErrorKind.Unprocessable, "period_in_future",
                $"{period} has not started yet (today is {today:yyyy-MM-dd}): there are no figures for it.");
        }
    }

    // Net sales of the previous period and of the same period a year earlier, from the monthly roll-up in one query (at most 24 rows).
    private async Task<(decimal Previous, decimal YearEarlier)> EarlierNetSalesAsync(string partnerId, ApiEnvironment environment, KpiPeriod period, CancellationToken cancellationToken)
    {
        var (previous, yearEarlier) = (period.Previous, period.YearEarlier);
        var months = await db.Visible<SalesMonth>().AsNoTracking()
            .Where(m => m.PartnerId == partnerId && m.Environment == environment
                && ((m.Month >= previous.Start && m.Month < previous.End) || (m.Month >= yearEarlier.Start && m.Month < yearEarlier.End)))
            .Select(m => new { m.Month, m.Delivered, m.Returned })
            .ToListAsync(cancellationToken);
        decimal NetIn(KpiPeriod p) => months.Where(m => m.Month >= p.Start && m.Month < p.End).Sum(m => m.Delivered - m.Returned);
        return (NetIn(previous), NetIn(yearEarlier));
    }

    private IQueryable<SalesDay> Days(string partnerId, ApiEnvironment environment, DateOnly start, DateOnly end) =>
        db.Visible<SalesDay>().AsNoTracking().Where(d => d.PartnerId == partnerId && d.Environment == environment && d.Day >= start && d.Day < end);

    private sealed record CustomerHistory(string CustomerId, DateOnly First, int UpToEnd);

    // Customers with a delivered order in the period: their first delivery ever, and their deliveries up to the period's end.
    private async Task<List<CustomerHistory>> CustomersAsync(string partnerId, ApiEnvironment environment, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var mine = db.Visible<CustomerDay>().AsNoTracking().Where(d => d.PartnerId == partnerId && d.Environment == environment);
        var active = mine.Where(d => d.Day >= start && d.Day < end).Select(d => d.CustomerId).Distinct();
        return await mine.Where(d => d.Day < end && active.Contains(d.CustomerId)).GroupBy(d => d.CustomerId)
            .Select(g => new CustomerHistory(g.Key, g.Min(d => d.Day), g.Sum(d => d.DeliveredOrders)))
            .ToListAsync(cancellationToken);
    }

    // Events whose actual end is in the period; each one's sales at its outlets from its (actual, else planned) start to its end.
    private async Task<List<EventReturn>> EventsAsync(string partnerId, ApiEnvironment environment, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var ended = await db.Visible<PromotionEvent>().AsNoTracking()
            .Where(e => e.PartnerId == partnerId && e.Environment == environment && e.ActualEnd >= start && e.ActualEnd < end)
            .ToListAsync(cancellationToken);
        if (ended.Count == 0)
        {
            return [];
        }
        var from = ended.Min(e => e.ActualStart ?? e.PlannedStart);
        var outletIds = ended.SelectMany(e => e.OutletIds).Distinct().ToList();
        var sales = await Days(partnerId, environment, from, end).Where(d => outletIds.Contains(d.OutletId))
            .Select(d => new { d.OutletId, d.Day, d.Delivered }).ToListAsync(cancellationToken);
        return [.. ended.OrderBy(e => e.ActualEnd).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e =>
        {
            var (first, last) = (e.ActualStart ?? e.PlannedStart, e.ActualEnd!.Value);
            var atEvent = sales.Where(s => e.OutletIds.Contains(s.OutletId) && s.Day >= first && s.Day <= last).Sum(s => s.Delivered);
            return new EventReturn(e.Id, e.Name, first, last, e.EndedOnTime, atEvent, e.Cost, Ratios.Of(atEvent - e.Cost, e.Cost));
        })];
    }
}

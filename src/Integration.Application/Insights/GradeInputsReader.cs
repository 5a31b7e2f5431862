using Integration.Core.Common;
using Integration.Core.Insights;
using Integration.Core.Orders;
using Integration.Core.Outlets;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Insights;

/// <summary>
/// The quarter's figures a grade is decided from: monthly footfall per outlet (the quarter's footfall / outlets that
/// reported / 3), conversion rate (conversions / footfall) and repurchase rate (customers with a delivered order in the
/// quarter who have 2 or more delivered orders up to its end / customers with a delivered order in it).
/// </summary>
public sealed class GradeInputsReader(IntegrationDbContext db)
{
    public async Task<GradeInputs> ForAsync(string partnerId, ApiEnvironment environment, KpiPeriod quarter, CancellationToken cancellationToken)
    {
        var reports = await db.Visible<OutletDay>().AsNoTracking()
            .Where(d => d.PartnerId == partnerId && d.Environment == environment && d.Day >= quarter.Start && d.Day < quarter.End)
            .GroupBy(d => d.OutletId)
            .Select(g => new { Footfall = g.Sum(d => (long)d.Footfall), Conversions = g.Sum(d => (long)d.Conversions) })
            .ToListAsync(cancellationToken);
        var footfall = reports.Sum(r => r.Footfall);
        var months = quarter.Kind switch { KpiPeriodKind.Month => 1, KpiPeriodKind.Quarter => 3, _ => 12 };
        var footfallPerOutlet = Ratio.Of(footfall, (decimal)reports.Count * months);
        var conversion = Ratio.Of(reports.Sum(r => r.Conversions), footfall);

        var (from, to) = (quarter.StartsAt, quarter.EndsAt);
        var orders = db.Visible<Order>().AsNoTracking()
            .Where(o => o.PartnerId == partnerId && o.Environment == environment && o.CustomerId != null && o.DeliveredAt != null && o.DeliveredAt < to);
        var buyers = orders.Where(o => o.DeliveredAt >= from).Select(o => o.CustomerId).Distinct();
        var ordersPerBuyer = await orders.Where(o => buyers.Contains(o.CustomerId)).GroupBy(o => o.CustomerId).Select(g => g.Count()).ToListAsync(cancellationToken);
        var repurchase = Ratio.Of(ordersPerBuyer.Count(n => n >= 2), ordersPerBuyer.Count);
        return new GradeInputs(footfallPerOutlet, conversion, repurchase);
    }
}

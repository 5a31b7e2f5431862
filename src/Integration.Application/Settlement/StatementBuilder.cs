using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Orders;
using Integration.Core.Partners;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Settlement;

/// <summary>A statement computed from the data, before (or instead of) being stored.</summary>
public sealed record StatementDraft(
    string PartnerId, ApiEnvironment Environment, SettlementPeriod Period, StatementInputs Inputs, ComputedStatement Computed,
    int DeliveredOrders, int ReturnedOrders);

/// <summary>
/// Gathers what a partner's statement for a month is made of (orders delivered and returned in it,
/// net sales earlier in the year, approved subsidies, resolved disputes) and applies
/// <see cref="StatementRules"/>. The live preview and the close use this same path.
/// </summary>
public sealed class StatementBuilder(IntegrationDbContext db)
{
    public async Task<StatementDraft> BuildAsync(Partner partner, ApiEnvironment environment, SettlementPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var delivered = await SalesAsync(partner.Id, environment, o => o.DeliveredAt >= start && o.DeliveredAt < end, cancellationToken);
        var returned = await SalesAsync(partner.Id, environment, o => o.ReturnedAt >= start && o.ReturnedAt < end, cancellationToken);
        var earlier = await NetSalesEarlierInYearAsync(partner.Id, environment, period, cancellationToken);
        var subsidies = await db.Visible<ActivitySubsidy>().AsNoTracking()
            .Where(s => s.PartnerId == partner.Id && s.Environment == environment && s.ApprovedAt >= start && s.ApprovedAt < end)
            .OrderBy(s => s.ApprovedAt).ThenBy(s => s.Id)
            .Select(s => new SubsidyInput(s.Id, s.EventName, s.Cost)).ToListAsync(cancellationToken);
        var adjustments = await db.Visible<Dispute>().AsNoTracking()
            .Where(d => d.PartnerId == partner.Id && d.Environment == environment && d.Status == DisputeStatus.Accepted && d.ResolvedAt >= start && d.ResolvedAt < end)
            .OrderBy(d => d.ResolvedAt).ThenBy(d => d.Id)
            .Select(d => new AdjustmentInput(d.Id, d.Adjustment ?? 0m, d.Resolution ?? "accepted")).ToListAsync(cancellationToken);

        var inputs = new StatementInputs(period, partner.Tier, await RatingInForceAsync(partner, environment, period, cancellationToken), StatementRules.AnnualTarget(partner),
            delivered.Total, returned.Total, earlier, subsidies, adjustments)
        {
            PaymentTermDays = partner.Agreement.PaymentTermDays,
            ProfitShareBrackets = partner.Agreement.ProfitShareBrackets,
        };
        return new StatementDraft(partner.Id, environment, period, inputs, StatementRules.Compute(inputs), delivered.Count, returned.Count);
    }

    private sealed record Sales(decimal Total, int Count);

    /// <summary>
    /// The rating the month was under: an accepted proposal takes effect on the first day of a later month, so a month
    /// closed after such a change still has the rating from before it (the earliest later change's previous rating).
    /// </summary>
    private async Task<CreditRating> RatingInForceAsync(Partner partner, ApiEnvironment environment, SettlementPeriod period, CancellationToken cancellationToken)
    {
        var firstDay = DateOnly.FromDateTime(period.Start.UtcDateTime);
        var laterChange = await db.RatingProposals.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.PartnerId == partner.Id && p.Environment == environment && p.AppliedAt != null && p.EffectiveFrom > firstDay)
            .OrderBy(p => p.EffectiveFrom).ThenBy(p => p.AppliedAt)
            .Select(p => (CreditRating?)p.CurrentRating).FirstOrDefaultAsync(cancellationToken);
        return laterChange ?? partner.CreditRating;
    }

    private async Task<Sales> SalesAsync(string partnerId, ApiEnvironment environment, System.Linq.Expressions.Expression<Func<Order, bool>> inPeriod, CancellationToken cancellationToken)
    {
        var totals = await db.Visible<Order>().Where(o => o.PartnerId == partnerId && o.Environment == environment).Where(inPeriod)
            .GroupBy(_ => 1).Select(g => new { Total = g.Sum(o => o.Total), Count = g.Count() }).SingleOrDefaultAsync(cancellationToken); // one group at most
        return totals is null ? new Sales(0m, 0) : new Sales(totals.Total, totals.Count);
    }

    /// <summary>
    /// Cumulative net sales of the year before the period: from last month's closed statement when
    /// there is one (it carries its own cumulative figure), else from the orders themselves.
    /// </summary>
    private async Task<decimal> NetSalesEarlierInYearAsync(string partnerId, ApiEnvironment environment, SettlementPeriod period, CancellationToken cancellationToken)
    {
        if (period.Month == 1)
        {
            return 0m;
        }
        var previousPeriod = period.Previous.ToString();
        var previous = await db.Visible<Statement>().AsNoTracking()
            .Where(s => s.PartnerId == partnerId && s.Environment == environment && s.Period == previousPeriod)
            .Select(s => new { s.NetSalesEarlierInYear, s.DeliveredTotal, s.ReturnedTotal }).FirstOrDefaultAsync(cancellationToken);
        if (previous is not null)
        {
            return previous.NetSalesEarlierInYear + previous.DeliveredTotal - previous.ReturnedTotal;
        }
        var (from, to) = (period.YearStart, period.Start);
        var delivered = await SalesAsync(partnerId, environment, o => o.DeliveredAt >= from && o.DeliveredAt < to, cancellationToken);
        var returned = await SalesAsync(partnerId, environment, o => o.ReturnedAt >= from && o.ReturnedAt < to, cancellationToken);
        return delivered.Total - returned.Total;
    }
}

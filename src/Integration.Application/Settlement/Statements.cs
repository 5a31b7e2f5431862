using System.Globalization;
using Integration.Application.Environments;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Orders;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Settlement;

/// <summary>A month's statement as stored (closed) or as previewed (open).</summary>
public sealed record StatementView(
    string PartnerId, ApiEnvironment Environment, SettlementPeriod Period, Statement? Closed, StatementDraft? Preview, IReadOnlyList<Payout> Payouts);

/// <summary>
/// Reads statements: closed ones as stored, an open month as a live preview computed on each read.
/// A statement is addressed by its id (<c>stm_…</c>) or its month (<c>2026-03</c>).
/// </summary>
public sealed class Statements(IntegrationDbContext db, StatementBuilder builder, BusinessClock clock, EnvironmentClocks clocks)
{
    /// <summary>Closed statements, newest month first.</summary>
    public async Task<IReadOnlyList<Statement>> ListClosedAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Visible<Statement>().AsNoTracking();
        if (page.Cursor is not null)
        {
            var after = Cursor.Decode(page.Cursor, 1)[0];
            query = query.Where(s => string.Compare(s.Period, after) < 0);
        }
        return await query.OrderByDescending(s => s.Period).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(Statement statement) => Cursor.Encode(statement.Period);

    public async Task<IReadOnlyList<Payout>> PayoutsOfAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken) =>
        await db.Visible<Payout>().AsNoTracking().Where(p => statementIds.Contains(p.StatementId)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);

    /// <summary>A partner's statement by id or month; an open month (this one, or one not closed yet) is previewed.</summary>
    public async Task<StatementView> GetAsync(string partnerId, ApiEnvironment environment, string idOrPeriod, CancellationToken cancellationToken)
    {
        if (!SettlementPeriod.IsWrittenAsMonth(idOrPeriod))
        {
            var byId = await db.Visible<Statement>().AsNoTracking().Where(s => s.Id == idOrPeriod).OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw DomainException.NotFound("statement", idOrPeriod);
            return await ClosedViewAsync(byId, cancellationToken);
        }
        var period = SettlementPeriod.Parse(idOrPeriod, "id");
        var text = period.ToString();
        var closed = await db.Visible<Statement>().AsNoTracking()
            .Where(s => s.PartnerId == partnerId && s.Environment == environment && s.Period == text).OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (closed is not null)
        {
            return await ClosedViewAsync(closed, cancellationToken);
        }
        if (period > SettlementPeriod.Of(clock.GetUtcNow()))
        {
            throw new DomainException(ErrorKind.NotFound, "resource_not_found", $"{period} has not started yet: there is no statement for it.");
        }
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, cancellationToken);
        return new StatementView(partnerId, environment, period, null, await builder.BuildAsync(partner, environment, period, cancellationToken), []);
    }

    /// <summary>Any partner's closed statement, for internal teams.</summary>
    public async Task<StatementView> GetClosedAsync(string id, CancellationToken cancellationToken)
    {
        var statement = await db.Visible<Statement>().AsNoTracking().Where(s => s.Id == id).OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("statement", id);
        // An internal team reads it as its partner would: not while the sandbox clock advances (its payouts may be moving).
        await clocks.FollowPartnerAsync(clock, db, statement.PartnerId, statement.Environment, cancellationToken);
        return await ClosedViewAsync(statement, cancellationToken);
    }

    private async Task<StatementView> ClosedViewAsync(Statement statement, CancellationToken cancellationToken)
    {
        SettlementPeriod.TryParse(statement.Period, out var period);
        return new StatementView(statement.PartnerId, statement.Environment, period, statement, null, await PayoutsOfAsync([statement.Id], cancellationToken));
    }

    /// <summary>
    /// The orders behind a statement: those delivered in its month (by delivery time), then those
    /// returned in it (by return time). Keyset-paged, so the list is stable while it is read.
    /// </summary>
    public async Task<IReadOnlyList<StatementOrderResponse>> OrdersAsync(StatementView view, PageRequest page, CancellationToken cancellationToken)
    {
        var (kind, after, afterId) = page.Cursor is null ? (StatementOrderKind.Delivered, DateTimeOffset.MinValue, "") : DecodeOrderCursor(page.Cursor);
        var wanted = page.Limit + 1;
        var rows = new List<StatementOrderResponse>();
        if (kind == StatementOrderKind.Delivered)
        {
            rows.AddRange(await OrdersOfKindAsync(view, StatementOrderKind.Delivered, after, afterId, wanted, cancellationToken));
            (after, afterId) = (DateTimeOffset.MinValue, "");
        }
        if (rows.Count < wanted)
        {
            rows.AddRange(await OrdersOfKindAsync(view, StatementOrderKind.Returned, after, afterId, wanted - rows.Count, cancellationToken));
        }
        return rows;
    }

    public static string CursorOf(StatementOrderResponse row) =>
        Cursor.Encode(row.Kind == StatementOrderKind.Delivered ? "d" : "r", row.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), row.OrderId);

    private static (StatementOrderKind, DateTimeOffset, string) DecodeOrderCursor(string cursor)
    {
        var parts = Cursor.Decode(cursor, 3);
        if (parts[0] is not ("d" or "r") || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw DomainException.Invalid("cursor", "The cursor is not one this list returned. Start again without a cursor.");
        }
        return (parts[0] == "d" ? StatementOrderKind.Delivered : StatementOrderKind.Returned, new DateTimeOffset(ticks, TimeSpan.Zero), parts[2]);
    }

    private async Task<List<StatementOrderResponse>> OrdersOfKindAsync(
        StatementView view, StatementOrderKind kind, DateTimeOffset after, string afterId, int take, CancellationToken cancellationToken)
    {
        var (start, end) = (view.Period.Start, view.Period.End);
        var mine = db.Visible<Order>().AsNoTracking().Where(o => o.PartnerId == view.PartnerId && o.Environment == view.Environment);
        if (kind == StatementOrderKind.Delivered)
        {
            var rows = await mine.Where(o => o.DeliveredAt >= start && o.DeliveredAt < end)
                .Where(o => o.DeliveredAt > after || (o.DeliveredAt == after && string.Compare(o.Id, afterId) > 0))
                .OrderBy(o => o.DeliveredAt).ThenBy(o => o.Id).Take(take)
                .Select(o => new { o.Id, o.Reference, o.Total, o.Currency, At = o.DeliveredAt!.Value }).ToListAsync(cancellationToken);
            return [.. rows.Select(o => new StatementOrderResponse(o.Id, o.Reference, kind, o.At, Hosting.MoneyAmount.Of(o.Total, o.Currency)))];
        }
        var returned = await mine.Where(o => o.ReturnedAt >= start && o.ReturnedAt < end)
            .Where(o => o.ReturnedAt > after || (o.ReturnedAt == after && string.Compare(o.Id, afterId) > 0))
            .OrderBy(o => o.ReturnedAt).ThenBy(o => o.Id).Take(take)
            .Select(o => new { o.Id, o.Reference, o.Total, o.Currency, At = o.ReturnedAt!.Value }).ToListAsync(cancellationToken);
        return [.. returned.Select(o => new StatementOrderResponse(o.Id, o.Reference, kind, o.At, Hosting.MoneyAmount.Of(-o.Total, o.Currency)))];
    }
}

using System.Globalization;
using Integration.Application.Events;
using Integration.Application.Observability;
using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Events;
using Integration.Core.Partners;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Settlement;

/// <summary>What a close did: statements it made now, and statements that were already closed.</summary>
public sealed record CloseOutcome(string Period, ApiEnvironment Environment, int Closed, int AlreadyClosed);

/// <summary>
/// Closes a month: for every partner, stores its statement, the ledger postings of each line, the
/// payout of a positive balance (less amounts open disputes hold) and a <c>settlement.closed</c>
/// event, all in one transaction per partner. The unique (partner, environment, month) index makes
/// closing idempotent and safe when two instances close at once: the second insert is refused and
/// counted as already closed.
/// </summary>
public sealed class PeriodCloser(IntegrationDbContext db, StatementBuilder builder, EventLog events, BusinessClock clock, PlatformMetrics metrics)
{
    public async Task<CloseOutcome> CloseAsync(ApiEnvironment environment, SettlementPeriod period, string? partnerId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        if (!period.HasEndedAt(now))
        {
            throw new DomainException(ErrorKind.Unprocessable, "period_not_ended",
                $"{period} has not ended yet; a month can be closed from {period.End:yyyy-MM-dd'T'HH:mm:ss'Z'}.",
                new Dictionary<string, string[]> { ["period"] = [$"{period} ends at {period.End:yyyy-MM-dd'T'HH:mm:ss'Z'}."] });
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var outcome = await CloseEndedAsync(environment, period, partnerId, now, cancellationToken);
            succeeded = true;
            return outcome;
        }
        finally
        {
            metrics.PeriodClosed(environment, wholePeriod: partnerId is null, System.Diagnostics.Stopwatch.GetElapsedTime(started), succeeded);
        }
    }

    private async Task<CloseOutcome> CloseEndedAsync(ApiEnvironment environment, SettlementPeriod period, string? partnerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var periodText = period.ToString();
        var alreadyClosed = (await db.Visible<Statement>().Where(s => s.Environment == environment && s.Period == periodText)
            .Select(s => s.PartnerId).ToListAsync(cancellationToken)).ToHashSet();
        var partners = await PartnersToSettleAsync(environment, period, partnerId, cancellationToken);

        var (closed, skipped) = (0, 0);
        foreach (var partner in partners)
        {
            if (alreadyClosed.Contains(partner.Id) || !await TryCloseOneAsync(partner, environment, period, now, cancellationToken))
            {
                skipped++;
                continue;
            }
            closed++;
        }
        if (partnerId is null)
        {
            await MarkPeriodClosedAsync(environment, periodText, closed + skipped, now, cancellationToken);
        }
        return new CloseOutcome(periodText, environment, closed, skipped);
    }

    /// <summary>True when the month is closed for every partner of the environment.</summary>
    public Task<bool> IsPeriodClosedAsync(ApiEnvironment environment, SettlementPeriod period, CancellationToken cancellationToken)
    {
        var text = period.ToString();
        return db.PeriodCloses.AnyAsync(p => p.Environment == environment && p.Period == text, cancellationToken);
    }

    // Partners with a credential in the environment before the month ended, or a subsidy approved in it, or a sandbox history.
    private async Task<List<Partner>> PartnersToSettleAsync(ApiEnvironment environment, SettlementPeriod period, string? partnerId, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var query = db.Partners.AsNoTracking().Where(p =>
            db.Credentials.Any(c => c.PartnerId == p.Id && c.Environment == environment && c.CreatedAt < end)
            || db.ActivitySubsidies.IgnoreQueryFilters().Any(s => s.PartnerId == p.Id && s.Environment == environment && s.ApprovedAt >= start && s.ApprovedAt < end)
            // A sandbox settles from the start of its seeded history, which predates its first credential.
            || (environment == ApiEnvironment.Sandbox && db.SandboxWorlds.Any(w => w.PartnerId == p.Id && w.HistoryFrom < end)));
        if (partnerId is not null)
        {
            query = query.Where(p => p.Id == partnerId);
        }
        var partners = await query.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        if (partnerId is not null && partners.Count == 0)
        {
            throw DomainException.NotFound($"partner with a {SnakeCase.Of(environment)} credential", partnerId);
        }
        return partners;
    }

    private async Task<bool> TryCloseOneAsync(Partner partner, ApiEnvironment environment, SettlementPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
            var draft = await builder.BuildAsync(partner, environment, period, cancellationToken);
            var holds = await HoldsAsync(partner.Id, environment, draft.Computed.Balance, cancellationToken);
            var statement = Statement.Close(partner.Id, environment, period, draft.Inputs, draft.Computed,
                draft.DeliveredOrders, draft.ReturnedOrders, holds.Sum(h => h.Amount), now);
            db.Statements.Add(statement);
            db.LedgerEntries.AddRange(statement.Lines.SelectMany(line => Postings.ForLine(statement, line)));
            if (statement.Balance > statement.HeldAmount)
            {
                db.Payouts.Add(Payout.For(statement, statement.Balance - statement.HeldAmount, disputeId: null, now));
            }
            db.Payouts.AddRange(holds.Select(h => Payout.For(statement, h.Amount, h.DisputeId, now)));
            events.Append(partner.Id, environment, EventTypes.SettlementClosed, statement.Id, new
            {
                statementId = statement.Id, period = statement.Period, status = SnakeCase.Of(statement.Status),
                balance = Money.Format(statement.Balance), heldAmount = Money.Format(statement.HeldAmount), amountDue = Money.Format(statement.AmountDue),
                dueDate = statement.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), currency = statement.Currency,
            }, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("ux_statements_partner_period", "statements.PartnerId, statements.Environment, statements.Period"))
        {
            return false; // another instance closed this partner's month first
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private sealed record Hold(string DisputeId, decimal Amount);

    // Open disputes hold back their amount from the payout, once in total however many months they stay open.
    private async Task<List<Hold>> HoldsAsync(string partnerId, ApiEnvironment environment, decimal balance, CancellationToken cancellationToken)
    {
        if (balance <= 0)
        {
            return [];
        }
        var open = await db.Visible<Dispute>().AsNoTracking()
            .Where(d => d.PartnerId == partnerId && d.Environment == environment && d.Status == DisputeStatus.Open)
            .OrderBy(d => d.OpenedAt).ThenBy(d => d.Id).Select(d => new { d.Id, d.Amount }).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }
        var heldBefore = (await db.Visible<Payout>().AsNoTracking()
                .Where(p => p.PartnerId == partnerId && p.Environment == environment && p.Status == PayoutStatus.Held && p.DisputeId != null)
                .Select(p => new { p.DisputeId, p.Amount }).ToListAsync(cancellationToken))
            .GroupBy(p => p.DisputeId!).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var remaining = balance;
        var holds = new List<Hold>();
        foreach (var dispute in open)
        {
            var hold = Math.Min(dispute.Amount - heldBefore.GetValueOrDefault(dispute.Id), remaining);
            if (hold > 0)
            {
                holds.Add(new Hold(dispute.Id, hold));
                remaining -= hold;
            }
        }
        return holds;
    }

    private async Task MarkPeriodClosedAsync(ApiEnvironment environment, string period, int statements, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.PeriodCloses.AnyAsync(p => p.Environment == environment && p.Period == period, cancellationToken))
        {
            return;
        }
        try
        {
            await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
            db.PeriodCloses.Add(new PeriodClose { Environment = environment, Period = period, ClosedAt = now, Statements = statements });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance marked it first.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

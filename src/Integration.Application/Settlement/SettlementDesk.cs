using Integration.Application.Audit;
using Integration.Application.Paging;
using Integration.Application.Environments;
using Integration.Core.Common;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Settlement;

/// <summary>What internal teams do to settlement: subsidies, payments received, payouts that need attention, the trial balance. Audited.</summary>
public sealed class SettlementDesk(IntegrationDbContext db, AuditLog audit, BusinessClock clock, EnvironmentClocks clocks)
{
    public async Task<ActivitySubsidy> RecordSubsidyAsync(string partnerId, RecordSubsidyRequest request, string actor, CancellationToken cancellationToken)
    {
        if (!Money.HasAtMostTwoDecimals(request.Cost))
        {
            throw DomainException.Invalid("cost", "cost has at most two decimals.");
        }
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            throw DomainException.NotFound("partner", partnerId);
        }
        await clocks.FollowPartnerAsync(clock, db, partnerId, request.Environment, cancellationToken);
        var now = clock.UtcNow();
        var subsidy = new ActivitySubsidy
        {
            Id = Ids.New("sub"), PartnerId = partnerId, Environment = request.Environment, EventName = request.EventName,
            Cost = request.Cost, Subsidy = StatementRules.SubsidyFor(request.Cost), ApprovedAt = now, ApprovedBy = actor,
        };
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.ActivitySubsidies.Add(subsidy);
        await audit.AppendAsync(new AuditRecord(actor, "activity_subsidy.recorded", subsidy.Id, Details: new { partnerId, request.EventName, request.Cost, subsidy.Subsidy }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return subsidy;
    }

    public async Task<IReadOnlyList<ActivitySubsidy>> SubsidiesAsync(string partnerId, CancellationToken cancellationToken) =>
        await db.Visible<ActivitySubsidy>().AsNoTracking().Where(s => s.PartnerId == partnerId).OrderByDescending(s => s.ApprovedAt).Take(ContractLimits.PageSize)
            .ToListAsync(cancellationToken);

    /// <summary>Records money received from a partner for a statement's amount due; settles it once all of it is in.</summary>
    public async Task<Statement> RecordPaymentAsync(string statementId, decimal amount, string actor, CancellationToken cancellationToken)
    {
        if (!Money.HasAtMostTwoDecimals(amount))
        {
            throw DomainException.Invalid("amount", "amount has at most two decimals.");
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var statement = await db.Visible<Statement>().Where(s => s.Id == statementId).OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("statement", statementId);
        await clocks.FollowPartnerAsync(clock, db, statement.PartnerId, statement.Environment, cancellationToken);
        var now = clock.UtcNow();
        statement.ReceivePayment(amount, now);
        db.LedgerEntries.AddRange(Postings.ForReceipt(statement, amount, now));
        await audit.AppendAsync(new AuditRecord(actor, "statement.payment_received", statement.Id, Details: new { amount }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return statement;
    }

    /// <summary>Every account's debits and credits, summed by the database in minor units.</summary>
    public async Task<TrialBalanceResponse> TrialBalanceAsync(ApiEnvironment? environment, CancellationToken cancellationToken)
    {
        var entries = db.LedgerEntries.AsNoTracking();
        if (environment is { } env)
        {
            entries = entries.Where(e => e.Environment == env);
        }
        var sums = await entries.GroupBy(e => e.Account)
            .Select(g => new { Account = g.Key, Debits = g.Sum(e => e.Debit), Credits = g.Sum(e => e.Credit) })
            .ToListAsync(cancellationToken);
        var accounts = sums.OrderBy(s => s.Account).Select(s => new TrialBalanceAccount(s.Account,
            Hosting.MoneyAmount.Of(s.Debits, Money.DefaultCurrency), Hosting.MoneyAmount.Of(s.Credits, Money.DefaultCurrency),
            Hosting.MoneyAmount.Of(s.Debits - s.Credits, Money.DefaultCurrency))).ToList();
        var (debits, credits) = (sums.Sum(s => s.Debits), sums.Sum(s => s.Credits));
        return new TrialBalanceResponse(environment, accounts, Hosting.MoneyAmount.Of(debits, Money.DefaultCurrency),
            Hosting.MoneyAmount.Of(credits, Money.DefaultCurrency), debits == credits);
    }

    public async Task<IReadOnlyList<Payout>> PayoutsAsync(PayoutStatus? status, string? statementId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Visible<Payout>().AsNoTracking();
        if (status is { } s) query = query.Where(p => p.Status == s);
        if (statementId is not null) query = query.Where(p => p.StatementId == statementId);
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(p => p.CreatedAt <= createdAt && (p.CreatedAt < createdAt || string.Compare(p.Id, id) < 0));
        }
        return await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(Payout payout) => Cursor.Encode(payout.CreatedAt, payout.Id);

    /// <summary>Puts a flagged payout back in the queue with a fresh set of attempts; it asks the gateway by key before sending again.</summary>
    public async Task<Payout> RetryPayoutAsync(string payoutId, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var payout = await db.Visible<Payout>().FirstOrDefaultAsync(p => p.Id == payoutId, cancellationToken)
            ?? throw DomainException.NotFound("payout", payoutId);
        if (payout.Status != PayoutStatus.NeedsAttention)
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition", $"Only payouts that need attention can be retried; this one is '{SnakeCase.Of(payout.Status)}'.");
        }
        await clocks.FollowPartnerAsync(clock, db, payout.PartnerId, payout.Environment, cancellationToken);
        payout.Status = PayoutStatus.Pending;
        payout.Attempts = 0;
        payout.NextAttemptAt = clock.UtcNow();
        payout.Version++;
        await audit.AppendAsync(new AuditRecord(actor, "payout.retried", payout.Id), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return payout;
    }
}

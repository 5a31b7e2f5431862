using System.Globalization;
using Integration.Application.Audit;
using Integration.Application.Events;
using Integration.Application.OAuth;
using Integration.Application.Paging;
using Integration.Application.Environments;
using Integration.Core.Common;
using Integration.Core.Disputes;
using Integration.Core.Events;
using Integration.Core.Orders;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Disputes;

/// <summary>
/// Opens disputes for partners and resolves them for internal teams (domain.md › Disputes). A level-3
/// dispute freezes the account in its environment while it is open (see <c>AccountStanding</c>);
/// any dispute holds its amount back from payouts until it is resolved, then the held payouts go out.
/// </summary>
public sealed class DisputeDesk(IntegrationDbContext db, EventLog events, AuditLog audit, BusinessClock clock, EnvironmentClocks clocks)
{
    public async Task<Dispute> OpenAsync(Caller caller, OpenDisputeRequest request, CancellationToken cancellationToken)
    {
        if ((request.OrderId is null) == (request.StatementLineId is null))
        {
            throw new DomainException(ErrorKind.Validation, "validation_failed", "Dispute either an order (orderId) or a statement line (statementLineId).",
                new Dictionary<string, string[]> { ["orderId"] = ["Give exactly one of orderId and statementLineId."] });
        }
        if (request.Amount <= 0 || !Money.HasAtMostTwoDecimals(request.Amount))
        {
            throw DomainException.Invalid("amount", "amount must be above 0 with at most two decimals.");
        }
        string? statementId = null;
        decimal disputable;
        if (request.OrderId is { } orderId)
        {
            disputable = await db.Visible<Order>().Where(o => o.Id == orderId).Select(o => (decimal?)o.Total).FirstOrDefaultAsync(cancellationToken)
                ?? throw DomainException.NotFound("order", orderId);
        }
        else
        {
            var lineId = request.StatementLineId!;
            var statement = await db.Visible<Statement>().AsNoTracking().Where(s => s.Lines.Any(l => l.Id == lineId)).OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw DomainException.NotFound("statement line", lineId);
            statementId = statement.Id;
            disputable = Math.Abs(statement.Lines.Single(l => l.Id == lineId).Amount);
        }
        if (request.Amount > disputable)
        {
            throw new DomainException(ErrorKind.Unprocessable, "amount_exceeds_disputed",
                $"The disputed amount {request.Amount:0.00} is more than the {(request.OrderId is null ? "line's amount" : "order total")} {disputable:0.00}.",
                new Dictionary<string, string[]> { ["amount"] = [$"At most {disputable:0.00}."] });
        }

        var now = clock.UtcNow();
        var dispute = Dispute.Open(caller.PartnerId!, caller.Environment!.Value, request.OrderId, statementId, request.StatementLineId,
            request.Amount, request.Reason, $"partner:{caller.ClientId}", now);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.Disputes.Add(dispute);
        events.Append(dispute.PartnerId, dispute.Environment, EventTypes.DisputeOpened, dispute.Id, new
        {
            disputeId = dispute.Id, orderId = dispute.OrderId, statementLineId = dispute.StatementLineId, amount = Money.Format(dispute.Amount),
            currency = dispute.Currency, level = dispute.Level, slaDeadline = dispute.SlaDeadline, freezesAccount = dispute.FreezesAccount,
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return dispute;
    }

    public async Task<Dispute> GetAsync(string id, CancellationToken cancellationToken)
    {
        var dispute = await db.Visible<Dispute>().AsNoTracking().Where(d => d.Id == id).OrderBy(d => d.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("dispute", id);
        // An internal team reads it as its partner would: its SLA on the sandbox clock, and not while that clock advances.
        await clocks.FollowPartnerAsync(clock, db, dispute.PartnerId, dispute.Environment, cancellationToken);
        return dispute;
    }

    /// <summary>Newest first. For internal teams (no tenant) every partner's; <paramref name="slaBreached"/> lists level-1 disputes past their deadline.</summary>
    public async Task<IReadOnlyList<Dispute>> ListAsync(DisputeStatus? status, int? level, bool? slaBreached, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Visible<Dispute>().AsNoTracking();
        if (status is { } s) query = query.Where(d => d.Status == s);
        if (level is { } l) query = query.Where(d => d.Level == l);
        if (slaBreached is { } breached)
        {
            var now = clock.UtcNow();
            query = breached
                ? query.Where(d => d.SlaDeadline != null && (d.ResolvedAt == null ? d.SlaDeadline < now : d.ResolvedAt > d.SlaDeadline))
                : query.Where(d => d.SlaDeadline == null || (d.ResolvedAt == null ? d.SlaDeadline >= now : d.ResolvedAt <= d.SlaDeadline));
        }
        if (page.Cursor is not null)
        {
            var (openedAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(d => d.OpenedAt <= openedAt && (d.OpenedAt < openedAt || string.Compare(d.Id, id) < 0));
        }
        return await query.OrderByDescending(d => d.OpenedAt).ThenByDescending(d => d.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(Dispute dispute) => Cursor.Encode(dispute.OpenedAt, dispute.Id);

    /// <summary>Accepts (with an adjustment on this month's statement) or rejects; unfreezes a level-3 account and releases held payouts.</summary>
    /// <summary>The sandbox's own handler resolves at once: there is no second person in a partner's sandbox.</summary>
    public Task<Dispute> ResolveAsync(string id, ResolveDisputeRequest request, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, dispute =>
        {
            dispute.Resolve(request.Outcome, request.Adjustment, request.Note, "brand", clock.UtcNow());
            return new AuditRecord(actor, $"dispute.{SnakeCase.Of(dispute.Status)}", dispute.Id, Details: request);
        }, cancellationToken);

    /// <summary>
    /// An internal person resolves: the dispute's level decides the permission needed; a level-3 resolution is only
    /// proposed here and takes effect when a different risk person approves it (<see cref="ApproveProposalAsync"/>).
    /// </summary>
    public Task<Dispute> ResolveAsBrandAsync(string id, ResolveDisputeRequest request, Caller caller, CancellationToken cancellationToken) =>
        ChangeAsync(id, dispute =>
        {
            caller.Require(DisputeLevels.PermissionToResolve(dispute.Level));
            if (DisputeLevels.NeedsSecondPerson(dispute.Level))
            {
                dispute.Propose(request.Outcome, request.Adjustment, request.Note, caller.ClientId, clock.UtcNow());
                return new AuditRecord(caller.ClientId, "dispute.resolution_proposed", dispute.Id, Details: new
                {
                    outcome = SnakeCase.Of(request.Outcome), request.Adjustment, request.Note, proposedBy = caller.ClientId,
                });
            }
            dispute.Resolve(request.Outcome, request.Adjustment, request.Note, "brand", clock.UtcNow());
            return new AuditRecord(caller.ClientId, $"dispute.{SnakeCase.Of(dispute.Status)}", dispute.Id, Details: request);
        }, cancellationToken);

    public Task<Dispute> ApproveProposalAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        ChangeAsync(id, dispute =>
        {
            caller.Require(DisputeLevels.PermissionToResolve(dispute.Level));
            var proposedBy = dispute.ProposedBy;
            dispute.ApproveProposal(caller.ClientId, clock.UtcNow());
            return new AuditRecord(caller.ClientId, $"dispute.{SnakeCase.Of(dispute.Status)}", dispute.Id, Details: new
            {
                outcome = SnakeCase.Of(dispute.Status), dispute.Adjustment, note = dispute.Resolution, proposedBy, approvedBy = caller.ClientId,
            });
        }, cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the dispute; once it is resolved, its held payouts go out and the partner hears of it.</summary>
    private async Task<Dispute> ChangeAsync(string id, Func<Dispute, AuditRecord> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var dispute = await db.Visible<Dispute>().Where(d => d.Id == id).OrderBy(d => d.Id).FirstOrDefaultAsync(cancellationToken) ?? throw DomainException.NotFound("dispute", id);
        await clocks.FollowPartnerAsync(clock, db, dispute.PartnerId, dispute.Environment, cancellationToken);
        var now = clock.UtcNow();
        var record = change(dispute);
        if (dispute.Status != DisputeStatus.Open)
        {
            // The new history entry carries its own key (dispute, number): tell EF it is new rather than changed.
            db.ChangeTracker.DetectChanges();
            db.Entry(dispute.History[^1]).State = EntityState.Added;
            var released = await db.Visible<Payout>().Where(p => p.DisputeId == id && p.Status == PayoutStatus.Held).ToListAsync(cancellationToken);
            foreach (var payout in released)
            {
                payout.Status = PayoutStatus.Pending;
                payout.NextAttemptAt = now;
                payout.Version++;
            }
            events.Append(dispute.PartnerId, dispute.Environment, EventTypes.DisputeResolved, dispute.Id, new
            {
                disputeId = dispute.Id, outcome = SnakeCase.Of(dispute.Status), adjustment = dispute.Adjustment is { } a ? Money.Format(a) : null,
                currency = dispute.Currency, period = SettlementPeriod.Of(now).ToString(), releasedPayouts = released.Select(p => p.Id).ToArray(),
            }, now);
        }
        await audit.AppendAsync(record, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ErrorKind.Conflict, "concurrent_update", "The dispute changed while this request ran. Read it again and retry.");
        }
        await transaction.CommitAsync(cancellationToken);
        return dispute;
    }
}

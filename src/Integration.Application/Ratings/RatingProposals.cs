using Integration.Application.Audit;
using Integration.Application.Events;
using Integration.Application.Paging;
using Integration.Application.Partners;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Insights;
using Integration.Core.Ratings;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Ratings;

/// <summary>
/// Credit rating proposals: made from a partner's live payment history at a quarter's end, decided by finance or risk,
/// and applied to the partner when the month after the decision starts. Audited; the partner hears of an accepted change.
/// </summary>
public sealed class RatingProposals(IntegrationDbContext db, AuditLog audit, EventLog events, PartnerSnapshots snapshots, TimeProvider clock)
{
    /// <summary>
    /// The proposal for <paramref name="quarter"/> from the payment history as it stood at the quarter's end, or null when
    /// the history proposes no change (or the partner did not exist then). Proposing again for the same quarter gives the proposal already made.
    /// </summary>
    public async Task<RatingProposal?> ProposeAsync(string partnerId, KpiPeriod quarter, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken)
            ?? throw DomainException.NotFound("partner", partnerId);
        if (await ExistingAsync(partnerId, quarter, cancellationToken) is { } existing)
        {
            return existing;
        }
        if (partner.CreatedAt >= quarter.EndsAt)
        {
            return null; // no history to speak of at that quarter's end
        }
        var history = (await db.Visible<Statement>().AsNoTracking()
                .Where(s => s.PartnerId == partnerId && s.Environment == ApiEnvironment.Live && s.Balance < 0 && s.DueDate != null)
                .Select(s => new { s.Id, DueDate = s.DueDate!.Value, s.SettledAt })
                .ToListAsync(cancellationToken))
            .Select(s => new PaymentRecord(s.Id, s.DueDate, s.SettledAt is { } settled ? DateOnly.FromDateTime(settled.UtcDateTime) : null));
        var assessment = RatingRules.Assess(partner.CreditRating, history, quarter.End);
        if (assessment.Proposed == partner.CreditRating)
        {
            return null;
        }
        var proposal = RatingProposal.From(partnerId, ApiEnvironment.Live, quarter.ToString(), quarter.End, partner.CreditRating, assessment, clock.GetUtcNow());
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.RatingProposals.Add(proposal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("ux_rating_proposals_partner_quarter", "rating_proposals.PartnerId"))
        {
            db.ChangeTracker.Clear();
            return await ExistingAsync(partnerId, quarter, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return proposal;
    }

    /// <summary>Assesses one partner or every live partner for an ended quarter (the last ended one by default), as the quarter-end job does.</summary>
    public async Task<ProposeRatingsResponse> ProposeNowAsync(ProposeRatingsRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var quarter = KpiPeriod.Containing(KpiPeriodKind.Quarter, today).Previous;
        if (request.Quarter is { } named && KpiPeriod.TryParse(named, out var parsed))
        {
            quarter = parsed;
        }
        if (quarter.End > today)
        {
            throw new DomainException(ErrorKind.Unprocessable, "quarter_not_ended", $"{quarter} has not ended: proposals are made from the history at a quarter's end.",
                new Dictionary<string, string[]> { ["quarter"] = ["Give a quarter that has ended."] });
        }
        IReadOnlyList<string> partnerIds = request.PartnerId is { } one
            ? [one]
            : await db.Partners.AsNoTracking().Where(p => p.SandboxOwnerId == null).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var proposals = new List<RatingProposalResponse>();
        foreach (var partnerId in partnerIds)
        {
            if (await ProposeAsync(partnerId, quarter, cancellationToken) is { } proposal)
            {
                proposals.Add(RatingProposalResponse.Of(proposal));
            }
        }
        return new ProposeRatingsResponse(quarter.ToString(), partnerIds.Count, proposals);
    }

    private Task<RatingProposal?> ExistingAsync(string partnerId, KpiPeriod quarter, CancellationToken cancellationToken)
    {
        var name = quarter.ToString();
        return db.Visible<RatingProposal>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.PartnerId == partnerId && p.Environment == ApiEnvironment.Live && p.Quarter == name, cancellationToken);
    }

    public async Task<IReadOnlyList<RatingProposal>> ListAsync(RatingProposalStatus? status, string? partnerId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Visible<RatingProposal>().AsNoTracking();
        if (status is { } s) query = query.Where(p => p.Status == s);
        if (partnerId is not null) query = query.Where(p => p.PartnerId == partnerId);
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(p => p.CreatedAt >= createdAt && (p.CreatedAt > createdAt || string.Compare(p.Id, id) > 0));
        }
        return await query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(RatingProposal proposal) => Cursor.Encode(proposal.CreatedAt, proposal.Id);

    public async Task<RatingProposal> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.Visible<RatingProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw DomainException.NotFound("rating_proposal", id);

    /// <summary>Accepts a pending proposal: in force from the first day of next month; audited, and the partner hears of it now.</summary>
    public Task<RatingProposal> AcceptAsync(string id, string actor, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(id, actor, "rating_proposal.accepted", cancellationToken, (proposal, now) =>
        {
            proposal.Accept(actor, reason, now);
            events.AppendInEveryEnvironment(proposal.PartnerId, EventTypes.PartnerRatingChanged, proposal.PartnerId, new
            {
                proposalId = proposal.Id, previousRating = proposal.CurrentRating.ToString(), rating = proposal.ProposedRating.ToString(), effectiveFrom = proposal.EffectiveFrom,
            }, now);
        });

    public Task<RatingProposal> RejectAsync(string id, string actor, string reason, CancellationToken cancellationToken) =>
        DecideAsync(id, actor, "rating_proposal.rejected", cancellationToken, (proposal, now) => proposal.Reject(actor, reason, now));

    private async Task<RatingProposal> DecideAsync(
        string id, string actor, string action, CancellationToken cancellationToken, Action<RatingProposal, DateTimeOffset> decide)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var proposal = await db.Visible<RatingProposal>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw DomainException.NotFound("rating_proposal", id);
        decide(proposal, clock.GetUtcNow());
        await audit.AppendAsync(new AuditRecord(actor, action, proposal.Id, Details: new
        {
            proposal.PartnerId, from = proposal.CurrentRating.ToString(), to = proposal.ProposedRating.ToString(), proposal.EffectiveFrom, reason = proposal.DecisionReason,
        }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return proposal;
    }

    /// <summary>Puts accepted changes whose month has started in force on the partner (payment terms and prepayment read it).</summary>
    public async Task<int> ApplyDueAsync(string partnerId, DateOnly today, CancellationToken cancellationToken)
    {
        var due = await db.Visible<RatingProposal>()
            .Where(p => p.PartnerId == partnerId && p.Status == RatingProposalStatus.Accepted && p.AppliedAt == null && p.EffectiveFrom <= today)
            .OrderBy(p => p.DecidedAt).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var partner = await db.Partners.FirstAsync(p => p.Id == partnerId, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var proposal in due)
        {
            partner.CreditRating = proposal.ProposedRating;
            proposal.MarkApplied(now);
        }
        partner.Touch(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        snapshots.Forget(partnerId);
        return due.Count;
    }
}

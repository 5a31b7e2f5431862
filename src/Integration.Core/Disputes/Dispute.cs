using Integration.Core.Common;
using Integration.Core.Credentials;

namespace Integration.Core.Disputes;

public enum DisputeStatus
{
    Open,

    /// <summary>Resolved in the partner's favour; an adjustment lands on the statement of the month it was resolved in.</summary>
    Accepted,
    Rejected,
}

/// <summary>A partner's dispute of an order or a statement line (domain.md › Disputes).</summary>
public sealed class Dispute : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }
    public string? OrderId { get; init; }
    public string? StatementId { get; init; }
    public string? StatementLineId { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = Money.DefaultCurrency;
    public required string Reason { get; init; }
    public int Level { get; init; }
    public DisputeAssignee Assignee { get; init; }

    /// <summary>Level 1 only: resolve by then (48 hours).</summary>
    public DateTimeOffset? SlaDeadline { get; init; }
    public DisputeStatus Status { get; private set; }

    /// <summary>Partner's side: credit &gt; 0. Set when accepted.</summary>
    public decimal? Adjustment { get; private set; }
    public string? Resolution { get; private set; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public List<DisputeHistoryEntry> History { get; init; } = [];
    public int Version { get; private set; } = 1;

    public bool FreezesAccount => Status == DisputeStatus.Open && DisputeLevels.FreezesAccount(Level);

    public bool SlaBreachedAt(DateTimeOffset now) => SlaDeadline is { } deadline && (ResolvedAt ?? now) > deadline;

    public static Dispute Open(
        string partnerId, ApiEnvironment environment, string? orderId, string? statementId, string? statementLineId,
        decimal amount, string reason, string actor, DateTimeOffset now)
    {
        var level = DisputeLevels.For(amount);
        var dispute = new Dispute
        {
            Id = Ids.New("dsp"), PartnerId = partnerId, Environment = environment, OrderId = orderId, StatementId = statementId,
            StatementLineId = statementLineId, Amount = amount, Reason = reason, Level = level, Assignee = DisputeLevels.AssigneeOf(level),
            SlaDeadline = level == 1 ? now + DisputeLevels.LevelOneSla : null, Status = DisputeStatus.Open, OpenedAt = now,
        };
        dispute.History.Add(new DisputeHistoryEntry
        {
            Number = 1, At = now, Action = "opened", Actor = actor,
            Note = DisputeLevels.FreezesAccount(level) ? "Level 3: the account is frozen until the dispute is resolved." : $"Level {level}, assigned to {SnakeCase.Of(dispute.Assignee)}.",
        });
        return dispute;
    }

    /// <summary>Level 3, four-eyes: a resolution one risk person proposed, waiting for a different one's approval.</summary>
    public DisputeStatus? ProposedOutcome { get; private set; }
    public decimal? ProposedAdjustment { get; private set; }
    public string? ProposedNote { get; private set; }
    public string? ProposedBy { get; private set; }
    public DateTimeOffset? ProposedAt { get; private set; }

    /// <summary>Proposes (or replaces the proposal of) a level-3 resolution; nothing else changes until it is approved.</summary>
    public void Propose(DisputeStatus outcome, decimal? adjustment, string resolution, string person, DateTimeOffset now)
    {
        EnsureResolvable(outcome, adjustment);
        (ProposedOutcome, ProposedAdjustment, ProposedNote, ProposedBy, ProposedAt) = (outcome, adjustment, resolution, person, now);
        Version++;
    }

    /// <summary>A different person approves the proposal: the dispute is resolved as proposed.</summary>
    public void ApproveProposal(string person, DateTimeOffset now)
    {
        if (ProposedOutcome is not { } outcome || ProposedBy is null || ProposedNote is null)
        {
            throw new DomainException(ErrorKind.Conflict, "no_resolution_proposed", $"Dispute {Id} has no proposed resolution to approve.");
        }
        FourEyes.Ensure(ProposedBy, person, "proposed resolution");
        Resolve(outcome, ProposedAdjustment, ProposedNote, "brand", now);
    }

    public void Resolve(DisputeStatus outcome, decimal? adjustment, string resolution, string actor, DateTimeOffset now)
    {
        EnsureResolvable(outcome, adjustment);
        Status = outcome;
        Adjustment = adjustment;
        Resolution = resolution;
        ResolvedAt = now;
        (ProposedOutcome, ProposedAdjustment, ProposedNote, ProposedBy, ProposedAt) = (null, null, null, null, null);
        Version++;
        History.Add(new DisputeHistoryEntry
        {
            Number = History.Count + 1, At = now, Action = SnakeCase.Of(outcome), Actor = actor,
            Note = adjustment is { } a ? $"{resolution} Adjustment {a:0.00}." : resolution,
        });
    }

    private void EnsureResolvable(DisputeStatus outcome, decimal? adjustment)
    {
        if (Status != DisputeStatus.Open)
        {
            throw new DomainException(ErrorKind.Conflict, "dispute_resolved", $"Dispute {Id} was already resolved ({SnakeCase.Of(Status)}).");
        }
        if (outcome == DisputeStatus.Open)
        {
            throw DomainException.Invalid("outcome", "The outcome is 'accepted' or 'rejected'.");
        }
        if (outcome == DisputeStatus.Accepted && (adjustment is null || adjustment == 0 || !Money.HasAtMostTwoDecimals(adjustment.Value)))
        {
            throw DomainException.Invalid("adjustment", "An accepted dispute needs a non-zero adjustment with at most two decimals (credit > 0, debit < 0).");
        }
        if (outcome == DisputeStatus.Rejected && adjustment is not null)
        {
            throw DomainException.Invalid("adjustment", "A rejected dispute makes no adjustment.");
        }
    }
}

public sealed class DisputeHistoryEntry
{
    public int Number { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public required string Actor { get; init; }
    public string? Note { get; init; }
}

using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Core.Ratings;

/// <summary>
/// A proposed change of a partner's credit rating from its payment history at a quarter's end (<see cref="RatingRules"/>).
/// Finance or risk accept or reject it; an accepted change is in force from the first day of the month after the
/// decision (<see cref="EffectiveFrom"/>), when it is applied to the partner. Decided proposals are kept as the history.
/// </summary>
public sealed class RatingProposal : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }

    /// <summary>The quarter whose end the history was read at, <c>2026-Q1</c>; one proposal per partner and quarter.</summary>
    public required string Quarter { get; init; }
    public DateOnly AsOf { get; init; }
    public CreditRating CurrentRating { get; init; }
    public CreditRating ProposedRating { get; init; }
    public int OverdueAmounts { get; init; }
    public int MaxDaysOverdue { get; init; }
    public required string Basis { get; init; }
    public RatingProposalStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }
    public DateTimeOffset? AppliedAt { get; private set; }
    public int Version { get; private set; } = 1;

    public static RatingProposal From(string partnerId, ApiEnvironment environment, string quarter, DateOnly asOf, CreditRating current,
        RatingAssessment assessment, DateTimeOffset now) => new()
    {
        Id = Ids.New("rtp"), PartnerId = partnerId, Environment = environment, Quarter = quarter, AsOf = asOf, CurrentRating = current,
        ProposedRating = assessment.Proposed, OverdueAmounts = assessment.OverdueAmounts, MaxDaysOverdue = assessment.MaxDaysOverdue,
        Basis = assessment.Reason, Status = RatingProposalStatus.Pending, CreatedAt = now,
    };

    /// <summary>Accepts the proposal: in force from the first day of the next month (the next settlement period).</summary>
    public void Accept(string person, string? reason, DateTimeOffset now)
    {
        Decide(RatingProposalStatus.Accepted, person, reason, now);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        EffectiveFrom = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
    }

    public void Reject(string person, string reason, DateTimeOffset now) => Decide(RatingProposalStatus.Rejected, person, reason, now);

    /// <summary>Whether the accepted change is due to be applied to the partner on <paramref name="today"/>.</summary>
    public bool IsDue(DateOnly today) => Status == RatingProposalStatus.Accepted && AppliedAt is null && EffectiveFrom <= today;

    public void MarkApplied(DateTimeOffset now)
    {
        AppliedAt = now;
        Version++;
    }

    private void Decide(RatingProposalStatus outcome, string person, string? reason, DateTimeOffset now)
    {
        if (Status != RatingProposalStatus.Pending)
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition",
                $"This rating proposal is '{SnakeCase.Of(Status)}'; only pending proposals can be decided.");
        }
        Status = outcome;
        DecidedBy = person;
        DecidedAt = now;
        DecisionReason = reason;
        Version++;
    }
}

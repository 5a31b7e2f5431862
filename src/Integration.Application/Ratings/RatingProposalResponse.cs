using Integration.Core.Partners;
using Integration.Core.Ratings;

namespace Integration.Application.Ratings;

/// <summary>
/// A credit rating proposal: the rating in force when it was made, the one proposed, the payment history behind it
/// (overdue amounts of the trailing 12 months and the longest delay), and the decision. <c>effectiveFrom</c> is the
/// first day of the month after acceptance; <c>appliedAt</c> when the partner's rating changed.
/// </summary>
public sealed record RatingProposalResponse(
    string Id, string PartnerId, string Quarter, DateOnly AsOf, CreditRating CurrentRating, CreditRating ProposedRating, int OverdueAmounts,
    int MaxDaysOverdue, string Basis, RatingProposalStatus Status, DateTimeOffset CreatedAt, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? DecisionReason, DateOnly? EffectiveFrom, DateTimeOffset? AppliedAt)
{
    public static RatingProposalResponse Of(RatingProposal p) => new(
        p.Id, p.PartnerId, p.Quarter, p.AsOf, p.CurrentRating, p.ProposedRating, p.OverdueAmounts, p.MaxDaysOverdue, p.Basis, p.Status, p.CreatedAt,
        p.DecidedBy, p.DecidedAt, p.DecisionReason, p.EffectiveFrom, p.AppliedAt);
}

namespace Integration.Core.Ratings;

public enum RatingProposalStatus
{
    /// <summary>Waiting for finance or risk to decide.</summary>
    Pending,

    /// <summary>Accepted: the proposed rating is in force from <see cref="RatingProposal.EffectiveFrom"/>.</summary>
    Accepted,

    Rejected,
}

namespace Integration.Application.Ratings;

/// <summary>The proposals the assessment made or found for the quarter; partners whose history proposes no change are not listed.</summary>
public sealed record ProposeRatingsResponse(string Quarter, int PartnersAssessed, IReadOnlyList<RatingProposalResponse> Proposals);

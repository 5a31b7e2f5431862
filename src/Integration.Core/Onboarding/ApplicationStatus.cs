namespace Integration.Core.Onboarding;

/// <summary>Where an application stands (domain.md › Onboarding).</summary>
public enum ApplicationStatus
{
    /// <summary>Sent by the applicant, waiting for the e-mail confirmation.</summary>
    Draft,
    Submitted,
    InReview,
    NeedsInformation,
    ApprovedForNegotiation,
    Negotiating,
    Signed,
    Active,
    Rejected,
    Withdrawn,
}

namespace Integration.Core.Onboarding;

/// <summary>Which moves an application allows: forward along the process, review back and forth with the applicant, and two ends.</summary>
public static class ApplicationStatusMachine
{
    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => (from, to) switch
    {
        (ApplicationStatus.Draft, ApplicationStatus.Submitted) => true,
        (ApplicationStatus.Submitted, ApplicationStatus.InReview) => true,
        (ApplicationStatus.InReview, ApplicationStatus.NeedsInformation) => true,
        (ApplicationStatus.NeedsInformation, ApplicationStatus.InReview) => true,
        (ApplicationStatus.InReview, ApplicationStatus.ApprovedForNegotiation) => true,
        (ApplicationStatus.ApprovedForNegotiation, ApplicationStatus.Negotiating) => true,
        (ApplicationStatus.Negotiating, ApplicationStatus.Signed) => true,
        (ApplicationStatus.Signed, ApplicationStatus.Active) => true,
        (ApplicationStatus.Submitted or ApplicationStatus.InReview or ApplicationStatus.NeedsInformation
            or ApplicationStatus.ApprovedForNegotiation or ApplicationStatus.Negotiating, ApplicationStatus.Rejected) => true,
        (not (ApplicationStatus.Signed or ApplicationStatus.Active or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn), ApplicationStatus.Withdrawn) => true,
        _ => false,
    };

    /// <summary>Sandbox credentials exist from <see cref="ApplicationStatus.Submitted"/> on (domain.md › Onboarding).</summary>
    public static bool HasSandbox(ApplicationStatus status) => status is not (ApplicationStatus.Draft or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn);
}

using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Core.Onboarding;

/// <summary>
/// A company's application to become a partner (domain.md › Onboarding). From <see cref="ApplicationStatus.Submitted"/> on
/// it has its partner record (status <c>onboarding</c>) and sandbox credentials.
/// </summary>
public sealed class PartnerApplication
{
    public required string Id { get; init; }

    /// <summary>Set when the application is submitted (created by an internal team, or confirmed by the applicant).</summary>
    public string? PartnerId { get; set; }

    public ApplicationStatus Status { get; private set; }
    public required string CompanyName { get; set; }
    public List<ApplicationContact> Contacts { get; set; } = [];
    public CooperationMode CooperationMode { get; set; }
    public List<string> Regions { get; set; } = [];
    public DateOnly FoundedOn { get; set; }
    public int WarehouseAreaSquareMetres { get; set; }
    public int Outlets { get; set; }
    public bool Retail { get; set; }

    /// <summary>How it arrived: <c>internal</c> (admin API) or <c>public</c> (the applicant, confirmed by e-mail).</summary>
    public required string Channel { get; init; }

    /// <summary>SHA-256 of the single-use confirmation token (public applications only); cleared once used.</summary>
    public string? ConfirmationTokenHash { get; set; }
    public DateTimeOffset? ConfirmationExpiresAt { get; set; }

    /// <summary>What the reviewer asked for (while <see cref="ApplicationStatus.NeedsInformation"/>, and kept after).</summary>
    public string? InformationRequested { get; private set; }

    /// <summary>The applicant's answer when it resubmitted.</summary>
    public string? ApplicantResponse { get; private set; }
    public string? RejectionReason { get; private set; }
    public List<ChecklistItem> Checklist { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public int Version { get; private set; } = 1;

    public static PartnerApplication Start(string channel, DateTimeOffset now) => new()
    {
        Id = Ids.New("app"), CompanyName = "", Channel = channel, Status = ApplicationStatus.Draft, CreatedAt = now, UpdatedAt = now,
    };

    public string PrimaryEmail => Contacts[0].Email;

    /// <summary>Moves the application, or refuses with 409 <c>invalid_transition</c>; returns the status it left.</summary>
    public ApplicationStatus MoveTo(ApplicationStatus target, DateTimeOffset now)
    {
        if (!ApplicationStatusMachine.CanMove(Status, target))
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition",
                $"Application {Id} is '{SnakeCase.Of(Status)}'; it cannot move to '{SnakeCase.Of(target)}'.");
        }
        var previous = Status;
        Status = target;
        if (target == ApplicationStatus.Submitted)
        {
            SubmittedAt = now;
        }
        Touch(now);
        return previous;
    }

    public ApplicationStatus RequestInformation(string missing, DateTimeOffset now)
    {
        var previous = MoveTo(ApplicationStatus.NeedsInformation, now);
        InformationRequested = missing;
        return previous;
    }

    /// <summary>Only an answer to a request for information: a submitted application waits for its reviewer instead.</summary>
    public ApplicationStatus Resubmit(string? response, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.NeedsInformation)
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition",
                $"Application {Id} is '{SnakeCase.Of(Status)}': it is resubmitted only to answer a request for information.");
        }
        var previous = MoveTo(ApplicationStatus.InReview, now);
        ApplicantResponse = response;
        return previous;
    }

    public ApplicationStatus Reject(string reason, DateTimeOffset now)
    {
        var previous = MoveTo(ApplicationStatus.Rejected, now);
        RejectionReason = reason;
        return previous;
    }

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

using System.ComponentModel.DataAnnotations;
using Integration.Application.Credentials;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Onboarding;
using Integration.Core.Partners;

namespace Integration.Application.Onboarding;

/// <summary>A person at the applicant company.</summary>
public sealed record ContactRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string Name { get; init; }

    /// <summary>The first contact's address receives the confirmation e-mail (public applications).</summary>
    [StringLength(ContractLimits.Email, MinimumLength = 3)]
    [RegularExpression(ContractPatterns.Email, ErrorMessage = "email must be an e-mail address such as li.wei@example.com.")]
    public required string Email { get; init; }

    [StringLength(ContractLimits.Phone, MinimumLength = 1)]
    public string? Phone { get; init; }

    /// <summary>The contact's role, e.g. "Legal representative" or "Purchasing".</summary>
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public string? Role { get; init; }
}

/// <summary>What a company tells the brand when it applies to become a partner.</summary>
public sealed record ApplicationRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string CompanyName { get; init; }

    /// <summary>One to five people; the first one is the main contact.</summary>
    [MinLength(1, ErrorMessage = "Give at least one contact.")]
    [MaxLength(ContractLimits.Contacts)]
    public required IReadOnlyList<ContactRequest> Contacts { get; init; }

    /// <summary>The cooperation mode wanted.</summary>
    public required CooperationMode CooperationMode { get; init; }

    /// <summary>Region codes applied for (<c>CN-SH</c>, <c>CN-JS-NJ</c>); the first is the partner's home region.</summary>
    [Identifier]
    [MinLength(1, ErrorMessage = "Give at least one region.")]
    [MaxLength(ContractLimits.Regions)]
    [MaxLengthEach(ContractLimits.RegionCode)]
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>The company's founding date: years in business are counted from it.</summary>
    public required DateOnly FoundedOn { get; init; }

    /// <summary>Warehouse area in m² (0 if none).</summary>
    [Range(0, 10_000_000)]
    public required int WarehouseAreaSquareMetres { get; init; }

    /// <summary>Outlets (stores, counters) the company runs.</summary>
    [Range(0, 100_000)]
    public required int Outlets { get; init; }

    /// <summary>Whether the company sells to consumers (retail); retail applicants need a warehouse of 500 m² or more.</summary>
    public required bool Retail { get; init; }
}

/// <summary>The confirmation token of the e-mail an applicant received.</summary>
public sealed record ConfirmApplicationRequest
{
    [Identifier]
    [StringLength(ConfirmationToken.Length, MinimumLength = 1)]
    public required string Token { get; init; }
}

/// <summary>A public application was received: it waits for the confirmation sent to the main contact.</summary>
public sealed record ApplicationReceivedResponse(string ApplicationId, ApplicationStatus Status, string ConfirmationSentTo, DateTimeOffset ConfirmBy);

/// <summary>A submitted application and its sandbox credential; the secret is shown this once and never sent by e-mail.</summary>
public sealed record SubmittedApplicationResponse(ApplicationResponse Application, CredentialWithSecretResponse SandboxCredential);

public sealed record ApplicationContactResponse(string Name, string Email, string? Phone, string? Role);

/// <summary>One criterion of the review: its verdict, the note, and who judged it (<c>platform</c> when computed).</summary>
public sealed record ChecklistItemResponse(
    QualificationCriterion Criterion, bool Required, CriterionVerdict Verdict, string? Note, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>An application: the company's answers, where it stands, and the review's checklist.</summary>
public sealed record ApplicationResponse(
    string Id, ApplicationStatus Status, string? PartnerId, string CompanyName, IReadOnlyList<ApplicationContactResponse> Contacts,
    CooperationMode CooperationMode, IReadOnlyList<string> Regions, DateOnly FoundedOn, int YearsInBusiness, int WarehouseAreaSquareMetres,
    int Outlets, bool Retail, string? InformationRequested, string? ApplicantResponse, string? RejectionReason,
    IReadOnlyList<ChecklistItemResponse> Checklist, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt)
{
    public static ApplicationResponse Of(PartnerApplication a, DateTimeOffset now) => new(
        a.Id, a.Status, a.PartnerId, a.CompanyName, [.. a.Contacts.Select(c => new ApplicationContactResponse(c.Name, c.Email, c.Phone, c.Role))],
        a.CooperationMode, a.Regions, a.FoundedOn, QualificationChecklist.YearsSince(a.FoundedOn, DateOnly.FromDateTime(now.UtcDateTime)),
        a.WarehouseAreaSquareMetres, a.Outlets, a.Retail, a.InformationRequested, a.ApplicantResponse, a.RejectionReason,
        [.. a.Checklist.OrderBy(i => i.Criterion).Select(i => new ChecklistItemResponse(i.Criterion, i.Required, i.Verdict, i.Note, i.DecidedBy, i.DecidedAt))],
        a.CreatedAt, a.SubmittedAt, a.UpdatedAt);
}

/// <summary>A qualification document, without its content (read that from <c>…/content</c>).</summary>
public sealed record DocumentResponse(
    string Id, DocumentKind Kind, string FileName, string ContentType, long Size, string Sha256, DateOnly? ExpiresOn, DateTimeOffset UploadedAt)
{
    public static DocumentResponse Of(QualificationDocument d) => new(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.ExpiresOn, d.UploadedAt);
}

/// <summary>The reviewer's verdict on one criterion.</summary>
public sealed record RecordVerdictRequest
{
    public required CriterionVerdict Verdict { get; init; }

    [StringLength(ContractLimits.Description, MinimumLength = 1)]
    public string? Note { get; init; }
}

/// <summary>What the applicant must add before the review goes on.</summary>
public sealed record RequestInformationRequest
{
    [StringLength(ContractLimits.DisputeReason, MinimumLength = 1)]
    public required string Missing { get; init; }
}

public sealed record RejectApplicationRequest
{
    [StringLength(ContractLimits.DisputeReason, MinimumLength = 1)]
    public required string Reason { get; init; }
}

/// <summary>The applicant's answer to a request for information; the figures given replace the application's.</summary>
public sealed record ResubmitApplicationRequest
{
    [StringLength(ContractLimits.DisputeReason, MinimumLength = 1)]
    public required string Response { get; init; }

    [Identifier]
    [MinLength(1)]
    [MaxLength(ContractLimits.Regions)]
    [MaxLengthEach(ContractLimits.RegionCode)]
    public IReadOnlyList<string>? Regions { get; init; }

    public DateOnly? FoundedOn { get; init; }

    [Range(0, 10_000_000)]
    public int? WarehouseAreaSquareMetres { get; init; }

    [Range(0, 100_000)]
    public int? Outlets { get; init; }
}

namespace Integration.Core.Onboarding;

/// <summary>The qualification documents an applicant uploads (domain.md › Onboarding).</summary>
public enum DocumentKind
{
    BusinessLicence,
    IndustryPermit,
    LegalRepresentativeId,
    IsoCertificate,
}

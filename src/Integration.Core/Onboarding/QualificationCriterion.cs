namespace Integration.Core.Onboarding;

/// <summary>The qualification criteria of domain.md › Onboarding, each judged by the reviewer.</summary>
public enum QualificationCriterion
{
    /// <summary>The business licence is valid for at least 90 more days.</summary>
    LicenceValid,

    /// <summary>At least 3 years in business.</summary>
    YearsInBusiness,

    /// <summary>ISO 9001 (or equivalent) certificate: preferred, not required.</summary>
    IsoCertificate,

    /// <summary>Retail applicants hold a warehouse of at least 500 m².</summary>
    RetailWarehouse,

    /// <summary>Outlets or channels in the regions applied for.</summary>
    RegionCoverage,
}

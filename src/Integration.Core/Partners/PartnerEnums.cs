using System.Text.Json.Serialization;

namespace Integration.Core.Partners;

public enum PartnerTier
{
    Basic,
    Advanced,
    Strategic,
}

/// <summary>Drives payment terms; rating C must prepay orders. Spelled in capitals on the wire.</summary>
public enum CreditRating
{
    [JsonStringEnumMemberName("A")]
    A,

    [JsonStringEnumMemberName("B")]
    B,

    [JsonStringEnumMemberName("C")]
    C,
}

public enum CooperationMode
{
    ExclusiveAgency,
    RegionalDistribution,
    CoBranding,
}

public enum PartnerStatus
{
    /// <summary>Applied and not yet signed: sandbox credentials only.</summary>
    Onboarding,
    Active,
    Frozen,
    Exiting,
    Terminated,
}

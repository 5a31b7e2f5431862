namespace Integration.Core.Partners;

public enum PartnerTier
{
    Basic,
    Advanced,
    Strategic,
}

public enum CreditRating
{
    A,
    B,
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
    Active,
    Frozen,
    Exiting,
    Terminated,
}

namespace Integration.Core.Partners;

/// <summary>The tier defaults of domain.md › Tier defaults; a partner's agreement may override them.</summary>
public static class TierDefaults
{
    public static decimal Discount(PartnerTier tier) => tier switch
    {
        PartnerTier.Basic => 0.10m,
        PartnerTier.Advanced => 0.25m,
        PartnerTier.Strategic => 0.25m,
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };

    public static decimal? AnnualPurchaseCommitment(PartnerTier tier) => tier switch
    {
        PartnerTier.Basic => 500_000m,
        PartnerTier.Advanced => 2_000_000m,
        _ => null, // strategic: set by the three-year agreement
    };

    /// <summary>The discount range an agreement may choose for a tier.</summary>
    public static (decimal Min, decimal Max) DiscountRange(PartnerTier tier) => tier switch
    {
        PartnerTier.Basic => (0.10m, 0.20m),
        PartnerTier.Advanced => (0.25m, 0.25m),
        PartnerTier.Strategic => (0.25m, 0.60m),
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };
}

namespace Integration.Core.Partners;

/// <summary>The values of a partner's agreement that override the tier defaults. Null means "tier default".</summary>
public sealed class PartnerAgreement
{
    /// <summary>Discount off list price as a fraction (0.25 = 25%).</summary>
    public decimal? DiscountRate { get; set; }

    /// <summary>Yearly net-sales target (CNY) that the annual bonus and excess share are measured against.</summary>
    public decimal? AnnualTarget { get; set; }

    /// <summary>Yearly purchase commitment (CNY).</summary>
    public decimal? AnnualPurchaseCommitment { get; set; }
}

using Integration.Core.Partners;

namespace Integration.Core.Agreements;

/// <summary>The negotiated terms of one agreement version (domain.md › Onboarding); null means the tier's default.</summary>
public sealed record AgreementTerms
{
    public required CooperationMode CooperationMode { get; init; }
    public required PartnerTier Tier { get; init; }

    /// <summary>Discount off list price as a fraction, within the tier's range.</summary>
    public decimal? DiscountRate { get; init; }

    public decimal? AnnualTarget { get; init; }
    public decimal? AnnualPurchaseCommitment { get; init; }

    /// <summary>Length of the agreement; a strategic agreement runs three years.</summary>
    public int TermMonths { get; init; }

    /// <summary>The region an exclusive agent holds alone; only for <see cref="CooperationMode.ExclusiveAgency"/>.</summary>
    public string? ExclusiveRegion { get; init; }

    /// <summary>Days after a period's last day that an amount owed falls due; null: the credit rating's term.</summary>
    public int? PaymentTermDays { get; init; }

    /// <summary>Profit-share brackets on cumulative yearly net sales; null: 15% up to 1,000,000 and 20% above.</summary>
    public IReadOnlyList<ProfitShareBracket>? ProfitShareBrackets { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>The last day the agreement is in force: the term after <see cref="EffectiveFrom"/>.</summary>
    public DateOnly EffectiveTo => EffectiveFrom.AddMonths(TermMonths).AddDays(-1);
}

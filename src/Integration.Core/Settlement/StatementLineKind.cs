namespace Integration.Core.Settlement;

/// <summary>The lines of a statement (domain.md › Settlement). Amounts are from the partner's side: credit &gt; 0.</summary>
public enum StatementLineKind
{
    /// <summary>Debit: net sales of the period (orders delivered minus orders returned).</summary>
    OrderCharges,

    /// <summary>Credit: tiered share of cumulative yearly net sales (15% up to 1,000,000, 20% above).</summary>
    ProfitShare,

    /// <summary>Debit: 1% of the period's net sales for the joint development fund.</summary>
    DevelopmentFund,

    /// <summary>Credit: 50% of an approved activity's cost, at most 50,000 per activity.</summary>
    ActivitySubsidy,

    /// <summary>Credit, December only: 3% of the year's net sales when they reach the annual target.</summary>
    AnnualBonus,

    /// <summary>Credit, December only, strategic partners: 15% of the year's net sales above the annual target.</summary>
    ExcessShare,

    /// <summary>Credit or debit: a dispute resolved in the partner's favour.</summary>
    DisputeAdjustment,
}

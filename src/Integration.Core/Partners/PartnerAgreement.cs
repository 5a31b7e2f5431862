using Integration.Core.Agreements;

namespace Integration.Core.Partners;

/// <summary>
/// The partner's signed agreement version, as settlement and pricing compute with it: a copy of that version's terms
/// taken when it was signed (<see cref="Partner.TakeAgreement"/>). Null means "tier default".
/// </summary>
public sealed class PartnerAgreement
{
    /// <summary>The signed <see cref="AgreementVersion"/> these values come from; null while onboarding.</summary>
    public string? VersionId { get; set; }

    /// <summary>Discount off list price as a fraction (0.25 = 25%).</summary>
    public decimal? DiscountRate { get; set; }

    /// <summary>Yearly net-sales target (CNY) that the annual bonus and excess share are measured against.</summary>
    public decimal? AnnualTarget { get; set; }

    /// <summary>Yearly purchase commitment (CNY).</summary>
    public decimal? AnnualPurchaseCommitment { get; set; }

    /// <summary>Days after a period's last day that an amount owed falls due; null: the credit rating's term.</summary>
    public int? PaymentTermDays { get; set; }

    /// <summary>Null: the default brackets of domain.md › Settlement.</summary>
    public IReadOnlyList<ProfitShareBracket>? ProfitShareBrackets { get; set; }

    public static PartnerAgreement From(AgreementVersion version) => new()
    {
        VersionId = version.Id,
        DiscountRate = version.Terms.DiscountRate,
        AnnualTarget = version.Terms.AnnualTarget,
        AnnualPurchaseCommitment = version.Terms.AnnualPurchaseCommitment,
        PaymentTermDays = version.Terms.PaymentTermDays,
        ProfitShareBrackets = version.Terms.ProfitShareBrackets,
    };
}

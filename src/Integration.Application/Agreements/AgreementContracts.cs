using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Agreements;
using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Application.Agreements;

public sealed record ProfitShareBracketValues
{
    /// <summary>Upper limit of cumulative yearly net sales (CNY) this rate applies to; omit on the last bracket.</summary>
    [Range(typeof(decimal), "0.01", "1000000000000")]
    public decimal? UpTo { get; init; }

    [Range(typeof(decimal), "0", "1")]
    [MaxDecimalPlaces(6)]
    public required decimal Rate { get; init; }
}

/// <summary>The terms of one negotiation round; omitted numbers are the tier's defaults.</summary>
public sealed record AgreementTermsRequest
{
    public required CooperationMode CooperationMode { get; init; }

    public required PartnerTier Tier { get; init; }

    /// <summary>Discount off list price as a fraction (0.15 = 15%), within the tier's range.</summary>
    [Range(typeof(decimal), "0", "0.99")]
    [MaxDecimalPlaces(6)]
    public decimal? DiscountRate { get; init; }

    [Range(typeof(decimal), "0", "1000000000000")]
    public decimal? AnnualTarget { get; init; }

    [Range(typeof(decimal), "0", "1000000000000")]
    public decimal? AnnualPurchaseCommitment { get; init; }

    /// <summary>Length in months; default 12, and a strategic agreement runs 36.</summary>
    [Range(1, 120)]
    public int? TermMonths { get; init; }

    /// <summary>The region an exclusive agent holds alone (exclusive agency only).</summary>
    [RegularExpression(RegionCode.Pattern, ErrorMessage = "exclusiveRegion must look like CN, CN-SH or CN-SH-PD.")]
    [StringLength(ContractLimits.RegionCode)]
    public string? ExclusiveRegion { get; init; }

    /// <summary>Days after a month's last day that an amount owed falls due; omit for the credit rating's term.</summary>
    [Range(0, 365)]
    public int? PaymentTermDays { get; init; }

    /// <summary>Profit-share brackets on cumulative yearly net sales; omit for 15% up to 1,000,000 and 20% above.</summary>
    [MaxLength(AgreementRules.MaxBrackets)]
    public IReadOnlyList<ProfitShareBracketValues>? ProfitShareBrackets { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public AgreementTerms ToTerms() => new()
    {
        CooperationMode = CooperationMode,
        Tier = Tier,
        DiscountRate = DiscountRate,
        AnnualTarget = AnnualTarget is { } target ? Money.Round(target) : null,
        AnnualPurchaseCommitment = AnnualPurchaseCommitment is { } c ? Money.Round(c) : null,
        TermMonths = TermMonths ?? AgreementRules.DefaultTerm(Tier),
        ExclusiveRegion = ExclusiveRegion,
        PaymentTermDays = PaymentTermDays,
        ProfitShareBrackets = ProfitShareBrackets?.Select(b => new ProfitShareBracket(b.UpTo is { } upTo ? Money.Round(upTo) : null, b.Rate)).ToList(),
        EffectiveFrom = EffectiveFrom,
    };
}

/// <summary>One side's signature of one document of the latest draft.</summary>
public sealed record SignAgreementRequest
{
    public required AgreementDocument Document { get; init; }

    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string SignerName { get; init; }

    /// <summary>The signer's role at their company, e.g. "Legal counsel", "General manager".</summary>
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string SignerRole { get; init; }

    public required SigningMethod Method { get; init; }

    /// <summary>
    /// SHA-256 (64 hex digits) of what was signed. Electronic: optional, and when sent it must equal the platform's rendering
    /// (see the version's <c>documents</c>). Scanned paper: required, the hash of the uploaded scan.
    /// </summary>
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "documentSha256 is 64 hex digits.")]
    [StringLength(64)]
    public string? DocumentSha256 { get; init; }
}

public sealed record ProfitShareBracketResponse(decimal? UpTo, decimal Rate);

public sealed record AgreementTermsResponse(
    CooperationMode CooperationMode, PartnerTier Tier, decimal? DiscountRate, decimal EffectiveDiscountRate, decimal? AnnualTarget,
    decimal? AnnualPurchaseCommitment, int TermMonths, string? ExclusiveRegion, int? PaymentTermDays,
    IReadOnlyList<ProfitShareBracketResponse>? ProfitShareBrackets, DateOnly EffectiveFrom, DateOnly EffectiveTo)
{
    public static AgreementTermsResponse From(AgreementTerms t) => new(
        t.CooperationMode, t.Tier, t.DiscountRate, t.DiscountRate ?? TierDefaults.Discount(t.Tier), t.AnnualTarget,
        t.AnnualPurchaseCommitment ?? TierDefaults.AnnualPurchaseCommitment(t.Tier), t.TermMonths, t.ExclusiveRegion, t.PaymentTermDays,
        t.ProfitShareBrackets?.Select(b => new ProfitShareBracketResponse(b.UpTo, b.Rate)).ToList(), t.EffectiveFrom, t.EffectiveTo);
}

public sealed record AgreementSignatureResponse(
    string Id, AgreementDocument Document, SigningSide Side, string SignerName, string SignerRole, SigningMethod Method,
    string DocumentSha256, DateTimeOffset SignedAt, string RecordedBy);

/// <summary>SHA-256 of the platform's canonical rendering of each document of the version: what an electronic signature signs.</summary>
public sealed record AgreementDocumentsResponse(string AgreementSha256, string ConfidentialitySupplementSha256);

public sealed record AgreementVersionResponse(
    string Id, string PartnerId, int Number, AgreementStatus Status, AgreementOrigin Origin, AgreementTermsResponse Terms,
    AgreementDocumentsResponse Documents, IReadOnlyList<AgreementSignatureResponse> Signatures, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? SignedAt)
{
    public static AgreementVersionResponse From(AgreementVersion v) => new(
        v.Id, v.PartnerId, v.Number, v.Status, v.Origin, AgreementTermsResponse.From(v.Terms),
        new AgreementDocumentsResponse(AgreementText.Sha256(v, AgreementDocument.Agreement), AgreementText.Sha256(v, AgreementDocument.ConfidentialitySupplement)),
        v.Signatures.OrderBy(s => s.SignedAt).ThenBy(s => s.Id)
            .Select(s => new AgreementSignatureResponse(s.Id, s.Document, s.Side, s.SignerName, s.SignerRole, s.Method, s.DocumentSha256, s.SignedAt, s.RecordedBy))
            .ToList(),
        v.CreatedBy, v.CreatedAt, v.SignedAt);
}

/// <summary>The terms that differ between two versions, in the order the agreement lists them.</summary>
public sealed record AgreementDiffResponse(string PartnerId, int FromNumber, int ToNumber, IReadOnlyList<TermChange> Changes);

using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Application.Partners;

public sealed record AgreementValues
{
    /// <summary>Discount off list price as a fraction (0.25 = 25%); null = the tier default.</summary>
    [Range(typeof(decimal), "0", "0.99")]
    [Hosting.MaxDecimalPlaces(6)] // stored in millionths
    public decimal? DiscountRate { get; init; }

    /// <summary>Yearly net-sales target in CNY.</summary>
    [Range(typeof(decimal), "0", "1000000000000")]
    public decimal? AnnualTarget { get; init; }

    /// <summary>Yearly purchase commitment in CNY.</summary>
    [Range(typeof(decimal), "0", "1000000000000")]
    public decimal? AnnualPurchaseCommitment { get; init; }

    public PartnerAgreement ToAgreement() => new()
    {
        DiscountRate = DiscountRate,
        AnnualTarget = AnnualTarget is { } target ? decimal.Round(target, 2, MidpointRounding.AwayFromZero) : null,
        AnnualPurchaseCommitment = AnnualPurchaseCommitment is { } c ? decimal.Round(c, 2, MidpointRounding.AwayFromZero) : null,
    };
}

public sealed record CreatePartnerRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string Name { get; init; }

    public required PartnerTier Tier { get; init; }

    public required CreditRating CreditRating { get; init; }

    public required CooperationMode CooperationMode { get; init; }

    /// <summary>Hierarchical region code: <c>CN</c>, <c>CN-SH</c>, <c>CN-SH-PD</c>.</summary>
    [RegularExpression(Core.Partners.RegionCode.Pattern, ErrorMessage = "regionCode must look like CN, CN-SH or CN-SH-PD.")]
    public required string RegionCode { get; init; }

    /// <summary>The regional distributor this partner is a sub-distributor of.</summary>
    [Identifier]
    [StringLength(ContractLimits.Id)]
    public string? ParentPartnerId { get; init; }

    public AgreementValues? Agreement { get; init; }

    [Identifier]
    [StringLength(ContractLimits.BusinessLicenceNumber, MinimumLength = 1)]
    public string? BusinessLicenceNumber { get; init; }

    /// <summary>The date qualification was verified; with the licence number it allows live credentials.</summary>
    public DateOnly? QualificationVerifiedOn { get; init; }

    /// <summary>
    /// <c>active</c> (default): the agreement was signed outside the platform and <c>agreement</c> records its values.
    /// <c>onboarding</c>: the terms are negotiated and signed here as agreement versions; sandbox credentials only until then.
    /// </summary>
    public PartnerStatus? Status { get; init; }
}

/// <summary>Changes to a partner; omitted (or null) fields stay as they are.</summary>
public sealed record UpdatePartnerRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public string? Name { get; init; }

    public PartnerTier? Tier { get; init; }

    public CreditRating? CreditRating { get; init; }

    [RegularExpression(Core.Partners.RegionCode.Pattern, ErrorMessage = "regionCode must look like CN, CN-SH or CN-SH-PD.")]
    public string? RegionCode { get; init; }

    public AgreementValues? Agreement { get; init; }

    [Identifier]
    [StringLength(ContractLimits.BusinessLicenceNumber, MinimumLength = 1)]
    public string? BusinessLicenceNumber { get; init; }

    public DateOnly? QualificationVerifiedOn { get; init; }

    /// <summary>active ⇄ frozen, active|frozen → exiting (with exitDate), exiting → terminated.</summary>
    public PartnerStatus? Status { get; init; }

    public DateOnly? ExitDate { get; init; }
}

public sealed record StartExitRequest
{
    /// <summary>Today or later; the three-month buffer runs from it.</summary>
    public required DateOnly ExitDate { get; init; }
}

public sealed record AgreementResponse(string? VersionId, decimal? DiscountRate, decimal EffectiveDiscountRate, decimal? AnnualTarget, decimal? AnnualPurchaseCommitment);

public sealed record QualificationResponse(string? BusinessLicenceNumber, DateOnly? VerifiedOn, bool Qualified);

public sealed record PartnerResponse(
    string Id, string Name, PartnerTier Tier, CreditRating CreditRating, CooperationMode CooperationMode,
    string RegionCode, string? ParentPartnerId, PartnerStatus Status, AgreementResponse Agreement,
    QualificationResponse Qualification, DateOnly? ExitDate, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PartnerResponse From(Partner p) => new(
        p.Id, p.Name, p.Tier, p.CreditRating, p.CooperationMode, p.RegionCode, p.ParentPartnerId, p.Status,
        new AgreementResponse(p.Agreement.VersionId, p.Agreement.DiscountRate, p.EffectiveDiscount, p.Agreement.AnnualTarget,
            p.Agreement.AnnualPurchaseCommitment ?? TierDefaults.AnnualPurchaseCommitment(p.Tier)),
        new QualificationResponse(p.BusinessLicenceNumber, p.QualificationVerifiedOn, p.IsQualified),
        p.ExitDate, p.CreatedAt, p.UpdatedAt);
}

/// <summary>The calling partner as its own credential sees it (v1: the discount rate as a number).</summary>
public sealed record PartnerProfileResponse(
    string Id, string Name, PartnerTier Tier, CreditRating CreditRating, CooperationMode CooperationMode,
    string RegionCode, string? ParentPartnerId, PartnerStatus Status, decimal DiscountRate,
    ApiEnvironment Environment, string ClientId, IReadOnlyList<string> Scopes);

using System.ComponentModel.DataAnnotations;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Application.Insights;

/// <summary>
/// Brand-wide insights for a period: totals across partners with sales in it, breakdowns by tier, credit rating,
/// region and cooperation mode (each with its share of net sales), and partners ranked by net sales.
/// </summary>
public sealed record BrandInsightsResponse(
    [property: StringLength(ContractLimits.Period)] string Period, ApiEnvironment Environment, DateTimeOffset AsOf,
    MoneyAmount NetSales, MoneyAmount PreviousNetSales, string? Growth, int Orders, int Partners,
    [property: MaxLength(ContractLimits.Items)] IReadOnlyList<InsightsBreakdown> ByTier,
    [property: MaxLength(ContractLimits.Items)] IReadOnlyList<InsightsBreakdown> ByRating,
    [property: MaxLength(ContractLimits.Items)] IReadOnlyList<InsightsBreakdown> ByRegion,
    [property: MaxLength(ContractLimits.Items)] IReadOnlyList<InsightsBreakdown> ByCooperationMode,
    [property: MaxLength(BrandInsights.MaxRanked)] IReadOnlyList<RankedPartner> Ranked);

/// <summary>One group of partners (a tier, a rating, a region, a cooperation mode): how many, their orders, net sales and share of the total.</summary>
public sealed record InsightsBreakdown(
    [property: StringLength(ContractLimits.Name)] string Key, int Partners, int Orders, MoneyAmount NetSales, string? Share);

/// <summary>A partner's place by net sales in the period, with its growth against the previous period.</summary>
public sealed record RankedPartner(
    int Rank, [property: StringLength(ContractLimits.Id)] string PartnerId, [property: StringLength(ContractLimits.Name)] string Name,
    PartnerTier Tier, CreditRating CreditRating, CooperationMode CooperationMode,
    [property: StringLength(ContractLimits.RegionCode)] string RegionCode, int Orders, MoneyAmount NetSales, string? Growth);

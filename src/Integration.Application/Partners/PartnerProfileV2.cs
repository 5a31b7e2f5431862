using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Application.Partners;

/// <summary>The calling partner as its own credential sees it. <c>discountRate</c> is a decimal string, as every v2 rate and amount is.</summary>
public sealed record PartnerProfileV2(
    string Id, string Name, PartnerTier Tier, CreditRating CreditRating, CooperationMode CooperationMode,
    string RegionCode, string? ParentPartnerId, PartnerStatus Status, string DiscountRate,
    ApiEnvironment Environment, string ClientId, IReadOnlyList<string> Scopes);

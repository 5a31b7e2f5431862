using Integration.Core.Common;
using Integration.Core.Partners;

namespace Integration.Core.Insights;

/// <summary>A partner's grade for one quarter, published to it at the quarter's end, with the figures it was decided from. Kept as history.</summary>
public sealed class PerformanceGrade : IPartnerOwned
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }

    /// <summary><c>2026-Q1</c>; one grade per partner and quarter.</summary>
    public required string Quarter { get; init; }
    public Grade Grade { get; init; }
    public CooperationMode CooperationMode { get; init; }
    public decimal? MonthlyFootfallPerOutlet { get; init; }
    public decimal? ConversionRate { get; init; }
    public decimal? RepurchaseRate { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
}

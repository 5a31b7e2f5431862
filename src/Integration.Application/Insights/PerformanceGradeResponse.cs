using Integration.Core.Insights;
using Integration.Core.Partners;

namespace Integration.Application.Insights;

/// <summary>
/// A quarter's performance grade and the figures it was decided from (null when there was nothing to divide by, which
/// meets no threshold). The targets are those of your cooperation mode at the time (docs/grades.md).
/// </summary>
public sealed record PerformanceGradeResponse(
    string Id, string Quarter, Grade Grade, CooperationMode CooperationMode, decimal? MonthlyFootfallPerOutlet, decimal? ConversionRate,
    decimal? RepurchaseRate, DateTimeOffset PublishedAt)
{
    public static PerformanceGradeResponse Of(PerformanceGrade g) =>
        new(g.Id, g.Quarter, g.Grade, g.CooperationMode, g.MonthlyFootfallPerOutlet, g.ConversionRate, g.RepurchaseRate, g.PublishedAt);
}

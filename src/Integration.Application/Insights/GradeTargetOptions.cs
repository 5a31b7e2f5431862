using Integration.Core.Insights;

namespace Integration.Application.Insights;

/// <summary>What grades A and B need for partners of one cooperation mode (<c>Insights:Grades:&lt;mode&gt;</c>); C is the rest.</summary>
public sealed class GradeTargetOptions
{
    public GradeThresholdOptions A { get; set; } = GradeThresholdOptions.From(GradeThresholds.DefaultA);
    public GradeThresholdOptions B { get; set; } = GradeThresholdOptions.From(GradeThresholds.DefaultB);
}

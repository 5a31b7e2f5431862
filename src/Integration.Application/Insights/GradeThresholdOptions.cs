using System.ComponentModel.DataAnnotations;
using Integration.Core.Insights;

namespace Integration.Application.Insights;

/// <summary>The three minimums of one grade, as configured.</summary>
public sealed class GradeThresholdOptions
{
    [Range(0, 100_000_000)]
    public decimal MonthlyFootfallPerOutlet { get; set; }

    [Range(0, 1)]
    public decimal ConversionRate { get; set; }

    [Range(0, 1)]
    public decimal RepurchaseRate { get; set; }

    public GradeThresholds ToThresholds() => new(MonthlyFootfallPerOutlet, ConversionRate, RepurchaseRate);

    public static GradeThresholdOptions From(GradeThresholds thresholds) => new()
    {
        MonthlyFootfallPerOutlet = thresholds.MonthlyFootfallPerOutlet, ConversionRate = thresholds.ConversionRate, RepurchaseRate = thresholds.RepurchaseRate,
    };
}

namespace Integration.Core.Insights;

/// <summary>The three minimums one grade needs, all met (domain.md › Performance grades).</summary>
public sealed record GradeThresholds(decimal MonthlyFootfallPerOutlet, decimal ConversionRate, decimal RepurchaseRate)
{
    public static GradeThresholds DefaultA { get; } = new(3_000m, 0.08m, 0.35m);
    public static GradeThresholds DefaultB { get; } = new(1_500m, 0.05m, 0.20m);

    public bool AreMetBy(GradeInputs inputs) =>
        inputs.MonthlyFootfallPerOutlet >= MonthlyFootfallPerOutlet && inputs.ConversionRate >= ConversionRate && inputs.RepurchaseRate >= RepurchaseRate;
}

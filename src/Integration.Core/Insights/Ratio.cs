namespace Integration.Core.Insights;

/// <summary>A KPI ratio: rounded to 4 decimals, midpoint away from zero; a zero denominator gives null, never 0 (domain.md › Partner insights).</summary>
public static class Ratio
{
    public static decimal? Of(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Math.Round(numerator / denominator, 4, MidpointRounding.AwayFromZero);
}

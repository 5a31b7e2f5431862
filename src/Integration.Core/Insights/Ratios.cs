namespace Integration.Core.Insights;

/// <summary>KPI rounding of domain.md › Partner insights: ratios to 4 decimals, midpoint away from zero; a zero denominator gives null, never 0.</summary>
public static class Ratios
{
    public static decimal? Of(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Round(numerator / denominator);

    public static decimal Round(decimal ratio)
    {
        var rounded = decimal.Round(ratio, 4, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0m : rounded;
    }
}

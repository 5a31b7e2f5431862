namespace Integration.Core.Settlement;

/// <summary>
/// Profit share on cumulative yearly net sales (domain.md › Settlement): 15% of the part up to
/// 1,000,000 and 20% of the part above. A period earns f(cumulative after) − f(cumulative before),
/// so crossing the bracket inside a month is priced exactly and returns give back what they earned.
/// </summary>
public static class ProfitShare
{
    public const decimal BracketLimit = 1_000_000m;
    public const decimal LowerRate = 0.15m;
    public const decimal UpperRate = 0.20m;

    public static decimal OnCumulative(decimal cumulativeNetSales) =>
        LowerRate * Math.Min(cumulativeNetSales, BracketLimit) + UpperRate * Math.Max(cumulativeNetSales - BracketLimit, 0m);

    /// <summary>Unrounded share earned by a period; the statement rounds the line.</summary>
    public static decimal ForPeriod(decimal cumulativeBefore, decimal periodNetSales) =>
        OnCumulative(cumulativeBefore + periodNetSales) - OnCumulative(cumulativeBefore);
}

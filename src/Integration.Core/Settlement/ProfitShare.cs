using Integration.Core.Agreements;

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

    /// <summary>With an agreement's own brackets; the first bracket takes negative cumulative sales as the default one does.</summary>
    public static decimal OnCumulative(decimal cumulativeNetSales, IReadOnlyList<ProfitShareBracket>? brackets)
    {
        if (brackets is null)
        {
            return OnCumulative(cumulativeNetSales);
        }
        var share = 0m;
        var lower = 0m;
        for (var i = 0; i < brackets.Count; i++)
        {
            var upper = brackets[i].UpTo ?? decimal.MaxValue;
            var part = i == 0 ? Math.Min(cumulativeNetSales, upper) : Math.Clamp(cumulativeNetSales - lower, 0m, upper - lower);
            share += part * brackets[i].Rate;
            lower = upper;
        }
        return share;
    }

    /// <summary>Unrounded share earned by a period; the statement rounds the line.</summary>
    public static decimal ForPeriod(decimal cumulativeBefore, decimal periodNetSales, IReadOnlyList<ProfitShareBracket>? brackets = null) =>
        OnCumulative(cumulativeBefore + periodNetSales, brackets) - OnCumulative(cumulativeBefore, brackets);
}

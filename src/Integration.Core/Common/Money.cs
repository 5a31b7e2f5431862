namespace Integration.Core.Common;

/// <summary>Money rules of domain.md: decimal, rounded to 0.01 with midpoint away from zero.</summary>
public static class Money
{
    public const string DefaultCurrency = "CNY";

    public static decimal Round(decimal amount)
    {
        var rounded = decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0m : rounded; // never a negative zero ("-0.00") on a statement
    }

    /// <summary>The wire spelling of an amount: exactly two decimals, invariant culture (<c>"149.99"</c>).</summary>
    public static string Format(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static bool HasAtMostTwoDecimals(decimal amount) => Round(amount) == amount;
}

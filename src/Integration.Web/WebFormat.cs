using System.Globalization;
using Integration.Application.Hosting;

namespace Integration.Web;

/// <summary>Figures as the reader's culture writes them; an amount keeps its currency code, never a guessed symbol.</summary>
public static class WebFormat
{
    public static string Money(MoneyAmount money) =>
        decimal.Parse(money.Amount, NumberStyles.Number, CultureInfo.InvariantCulture).ToString("N2", CultureInfo.CurrentCulture) + " " + money.Currency;

    public static string Moment(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    /// <summary>What a figure shows when there is none (a ratio whose denominator is zero is null, never 0: domain.md).</summary>
    public const string None = "—";

    /// <summary>A ratio of 4 decimals as a percentage of 2 (0.2000 is 20.00%).</summary>
    public static string Ratio(decimal? ratio) => ratio is { } value ? value.ToString("P2", CultureInfo.CurrentCulture) : None;
}

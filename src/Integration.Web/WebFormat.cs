using System.Globalization;
using Integration.Application.Hosting;

namespace Integration.Web;

/// <summary>Figures as the reader's culture writes them; an amount keeps its currency code, never a guessed symbol.</summary>
public static class WebFormat
{
    public static string Money(MoneyAmount money) =>
        decimal.Parse(money.Amount, NumberStyles.Number, CultureInfo.InvariantCulture).ToString("N2", CultureInfo.CurrentCulture) + " " + money.Currency;

    public static string Moment(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Integration.Core.Common;

namespace Integration.Application.Hosting;

/// <summary>v1 money: a JSON number with exactly two decimals (<c>10.00</c>, never <c>10</c> or <c>10.0</c>).</summary>
public sealed class TwoDecimalsConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Money.Format(value), skipInputValidation: true);
}

/// <summary>v2 money: <c>{ "amount": "149.99", "currency": "CNY" }</c> — a decimal string, no binary floating point.</summary>
public sealed record MoneyAmount(string Amount, string Currency)
{
    public static MoneyAmount Of(decimal amount, string currency) =>
        new(Money.Format(amount), currency);
}

public static class Rates
{
    /// <summary>A rate as a decimal string, e.g. "0.25" or "0.125".</summary>
    public static string Format(decimal rate) => rate.ToString("0.00####", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Integration.Core.Common;

namespace Integration.Application.Hosting;

/// <summary>
/// v2 money in a request: a JSON string holding a plain decimal with at most two places (<c>"10"</c>, <c>"10.00"</c>;
/// <c>"-2.50"</c> where the member may be negative), from one cent (or minus <see cref="Maximum"/>) to
/// <see cref="Maximum"/>. Anything else — a JSON number, an exponent, a third decimal, spaces, an empty string — is
/// refused as a 400 naming the member, never rounded. The one rule for every such member: the converter enforces
/// it, and <c>ApiDocs.DecimalStrings</c> writes the same pattern, length and bounds into the OpenAPI documents.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DecimalStringAttribute(long maximum) : JsonConverterAttribute
{
    public const string Example = "149.99";

    private Regex? form;

    public long Maximum { get; } = maximum;

    /// <summary>Whether the amount may be negative (an adjustment: credit above 0, debit below).</summary>
    public bool Signed { get; set; }

    public decimal Minimum => Signed ? -Maximum : 0.01m;

    /// <summary>Digits before the point: as many as the maximum has.</summary>
    private int Digits => Maximum.ToString(CultureInfo.InvariantCulture).Length;

    public string Pattern => $@"^{(Signed ? "-?" : "")}\d{{1,{Digits}}}(\.\d{{1,2}})?$";

    public int MaxLength => (Signed ? 1 : 0) + Digits + 3;

    public string Rule => $"A decimal string from \"{Money.Format(Minimum)}\" to \"{Money.Format(Maximum)}\" with at most two decimals, e.g. \"{Example}\" or \"150\"; a number is refused.";

    public bool TryRead(string text, out decimal amount)
    {
        amount = 0;
        // ECMAScript: \d is 0-9 only, as in the documents' pattern; the strict parse also refuses the line break `$` lets through.
        form ??= new Regex(Pattern, RegexOptions.ECMAScript);
        return form.IsMatch(text)
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
            && amount >= Minimum && amount <= Maximum;
    }

    public override System.Text.Json.Serialization.JsonConverter? CreateConverter(Type typeToConvert) =>
        typeToConvert == typeof(decimal) ? new Converter(this)
        : typeToConvert == typeof(decimal?) ? new OptionalConverter(new Converter(this))
        : throw new InvalidOperationException($"{nameof(DecimalStringAttribute)} is for decimal members, not {typeToConvert.Name}.");

    private sealed class Converter(DecimalStringAttribute rule) : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && rule.TryRead(reader.GetString()!, out var amount) ? amount : throw new JsonException(rule.Rule);

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteStringValue(Money.Format(value));
    }

    /// <summary>A member that may be left out or null; a value present follows the rule.</summary>
    private sealed class OptionalConverter(Converter value) : JsonConverter<decimal?>
    {
        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            value.Read(ref reader, typeof(decimal), options);

        public override void Write(Utf8JsonWriter writer, decimal? amount, JsonSerializerOptions options)
        {
            if (amount is { } a)
            {
                value.Write(writer, a, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}

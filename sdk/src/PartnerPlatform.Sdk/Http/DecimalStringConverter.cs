using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// v2 money and rates are decimal strings on the wire; the SDK types them <see cref="decimal"/>. Written as the
/// decimal is (<c>10.50m</c> → <c>"10.50"</c>, <c>3000m</c> → <c>"3000"</c>), never rounded here, so a third decimal
/// reaches the platform and is refused there, naming the field. Read from a string or, leniently, a number.
/// </summary>
internal sealed class DecimalStringConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDecimal(),
        JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new JsonException("A decimal string (\"149.99\") or number was expected."),
    };

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}

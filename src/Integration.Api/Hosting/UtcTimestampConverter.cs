using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Integration.Api.Hosting;

/// <summary>
/// Timestamps are ISO 8601 in UTC with a <c>Z</c>: <c>2026-03-31T16:00:00.000Z</c>. What is read must be an
/// RFC 3339 date-time, as the contract declares: a date alone or a time without its offset would be a guess
/// (midnight? the server's zone?), so it is refused.
/// </summary>
public sealed partial class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    private const string Expected = "A timestamp must be an RFC 3339 date-time with its offset, such as 2026-03-31T16:00:00Z.";

    /// <summary>Reads an RFC 3339 date-time, in UTC; false for anything else (a date alone, no offset, out of range).</summary>
    private static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !Rfc3339().IsMatch(text)
            || !DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }
        value = parsed.ToUniversalTime();
        return true;
    }

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var value) ? value : throw new JsonException(Expected);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}

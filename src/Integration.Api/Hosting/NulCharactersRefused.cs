using System.Text.Json;
using System.Text.Json.Serialization;

namespace Integration.Api.Hosting;

/// <summary>
/// A request string with U+0000 in it is refused as a 400 naming the field while the body is read: PostgreSQL
/// cannot store the character in text (it was a 500 there), and no name, note or reference needs it.
/// </summary>
public sealed class NulCharactersRefused : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("The value must not contain the NUL character (U+0000).")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

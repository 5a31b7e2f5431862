using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerPlatform.Sdk.Http;

/// <summary>Writes a value type by its wire value and reads any string, so a value the platform adds later does not fail the answer.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class WireValueConverter<T> : JsonConverter<T> where T : struct, IWireValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.FromWire(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

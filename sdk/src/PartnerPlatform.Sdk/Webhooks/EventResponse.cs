using System.Text.Json;

namespace PartnerPlatform.Sdk.Webhooks;

public partial class EventResponse
{
    /// <summary>The event's <c>data</c> object as JSON (its shape depends on <c>Type</c>; see docs/webhooks.md).</summary>
    public JsonElement DataJson => Data is JsonElement element ? element : JsonSerializer.SerializeToElement(Data);

    /// <summary>The event's <c>data</c> read as <typeparamref name="T"/> (camelCase properties).</summary>
    /// <typeparam name="T">A type shaped like the event's data.</typeparam>
    /// <returns>The data.</returns>
    public T? DataAs<T>() => DataJson.Deserialize<T>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}

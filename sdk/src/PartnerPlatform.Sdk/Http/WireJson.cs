using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// How every generated client writes request bodies: a property left unset (null) is not sent, so the
/// platform applies its default or leaves the field as it is, instead of refusing an explicit null
/// for a member that cannot be null; a decimal (v2 money, rates) is a decimal string.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new DecimalStringConverter());
        return options;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// What makes a documented example look generated rather than written (issue 20: Swagger UI's prefilled order was
/// <c>"sku": "3M8MS833UME1K.N_."</c>): SKUs unlike the demo catalogue's, ids not in the platform's <c>prefix_</c> +
/// 20 characters format, money that is not a decimal amount, placeholder strings and pattern debris.
/// </summary>
public static partial class ExampleNoise
{
    public static IReadOnlyList<string> In(JsonNode? example)
    {
        var noise = new List<string>();
        Walk(example, "$", null, noise, messages: false);
        return noise;
    }

    /// <param name="messages">Under a problem's <c>errors</c>, whose members are named for fields but hold sentences.</param>
    private static void Walk(JsonNode? node, string at, string? member, List<string> noise, bool messages)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Walk(value, $"{at}.{name}", messages ? null : name, noise, messages || name == "errors");
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{at}[{i}]", member, noise, messages);
                }
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (Wrong(member, text) is { } why)
                {
                    noise.Add($"{at} is \"{text}\": {why}");
                }
                break;
        }
    }

    private static string? Wrong(string? member, string text) => member switch
    {
        _ when text is "string" or "" => "a placeholder",
        _ when PatternDebris().IsMatch(text) => "debris of a pattern, not something a partner would write",
        "sku" when !Sku().IsMatch(text) => "not a SKU like the demo catalogue's (BAG-001)",
        "amount" when !Amount().IsMatch(text) => "not a decimal amount",
        "id" or "orderId" or "locationId" or "partnerId" or "statementId" or "disputeId" or "eventId" or "entryId" or "sourceId"
            or "fromLocationId" or "toLocationId" or "parentPartnerId" or "statementLineId" or "peerPartnerIds"
            when !Id().IsMatch(text) => "not an id in the platform's format (ord_ and 20 characters)",
        _ => null,
    };

    [GeneratedRegex(@"^[A-Z]+-\d{3}$")]
    private static partial Regex Sku();

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex Amount();

    [GeneratedRegex("^[a-z]+_[0-9a-z]{20}$")]
    private static partial Regex Id();

    /// <summary>
    /// What generating from <c>^[A-Z0-9][A-Z0-9._-]{0,39}$</c> leaves: punctuation around a lone character (<c>.N_.</c>);
    /// a version number (<c>1.0.0</c>) is not that.
    /// </summary>
    [GeneratedRegex(@"(?<!\d)[._-][A-Z0-9]?[._-]|[A-Z0-9]{9,}[._-]")]
    private static partial Regex PatternDebris();
}

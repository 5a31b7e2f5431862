using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>The values mutations put where a valid one was: hostile text, extreme numbers, edge dates, wrong types.</summary>
public static class FuzzValues
{
    public const int HugeStringLength = 1_000_000;
    public const int HugeArrayLength = 100_000;
    public const int LongHeaderOrQueryLength = 2_000; // Kestrel refuses request lines over 8 KB (414) before the platform sees them

    public static readonly string[] Strings =
    [
        "", "x", "\0", "a\0b", "\u001b[31mred\u001b[0m", "\u001b]8;;http://evil\u0007link", "\u202Egnp.exe\u202C", "\u2066isolate\u2069",
        "\uFEFFbom", "\u00e9\u00df\u4e2d\u6587\ud83d\ude00", "' OR 1=1 --", "\"; DROP TABLE orders; --", "../../etc/passwd",
        "<script>alert(1)</script>", "%s%n%x", "${jndi:ldap://x}", "  padded  ", "\r\n\t", "NaN", "Infinity", "-0", "true", "null",
    ];

    public static readonly JsonNode[] Numbers =
    [
        JsonValue.Create(1e308), JsonValue.Create(-1e308), JsonValue.Create(0), JsonValue.Create(-1),
        JsonValue.Create(2147483648L), JsonValue.Create(-2147483649L), JsonValue.Create(9223372036854775807L),
        JsonNode.Parse("0.12345678901234567890")!, JsonNode.Parse("1.00000000000000000001")!, JsonNode.Parse("99999999999999999999999999999999")!,
        JsonNode.Parse("1e-320")!, JsonNode.Parse("-0.0")!, "NaN", "1e308", "0.12345678901234567890",
    ];

    public static readonly string[] Dates =
    [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "0001-01-01", "9999-12-31", "2026-02-30T00:00:00Z",
        "2026-12-01T00:00:00+14:00", "2026-12-01T00:00:00", "2026-13-01", "0000-00-00", "1970-01-01T00:00:00-00:00",
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-12-01t00:00:00z", "2026-12-01 00:00:00Z",
    ];

    public static readonly string[] HeaderValues =
    [
        "", " ", "x", "*", "\"v999999\"", "W/\"v1\"", "\"\"", "garbage", "\"v-1\"", "\"v1\", \"v2\"", new string('k', 256), new string('k', LongHeaderOrQueryLength),
    ];

    /// <summary>A value of another JSON type than <paramref name="current"/>.</summary>
    public static JsonNode? WrongType(JsonNode? current, Random random)
    {
        JsonNode?[] candidates = [JsonValue.Create(42), JsonValue.Create("x"), JsonValue.Create(true), new JsonObject(), new JsonArray(), JsonValue.Create(1.5)];
        var others = candidates.Where(c => c!.GetValueKind() != current?.GetValueKind()).ToArray();
        return others[random.Next(others.Length)];
    }

    public static JsonNode? Any(Random random) => random.Next(3) switch
    {
        0 => Strings[random.Next(Strings.Length)],
        1 => Numbers[random.Next(Numbers.Length)].DeepClone(),
        _ => Dates[random.Next(Dates.Length)],
    };

    /// <summary>
    /// Text for a path segment: not empty (that is another path: the list, not the item), and no control characters,
    /// which Kestrel refuses (a bodiless 400) before the platform sees the request.
    /// </summary>
    public static string PathText(Random random)
    {
        var text = QueryText(random);
        return text.Length == 0 || text.Any(char.IsControl) ? FuzzWorld.UnknownIds[random.Next(FuzzWorld.UnknownIds.Length)] : text;
    }

    /// <summary>Text for a query string, where a request line must stay under Kestrel's limit.</summary>
    public static string QueryText(Random random) => random.Next(5) switch
    {
        0 => Dates[random.Next(Dates.Length)],
        1 => Numbers[random.Next(Numbers.Length)].ToJsonString().Trim('"'),
        2 => new string('q', LongHeaderOrQueryLength),
        _ => Strings[random.Next(Strings.Length)],
    };
}

using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace Integration.Core.Common;

/// <summary>
/// Enum names as the wire and the database spell them: <c>ExclusiveAgency</c> ⇄ <c>exclusive_agency</c>,
/// unless the member names its own spelling with <see cref="JsonStringEnumMemberNameAttribute"/>.
/// </summary>
public static class SnakeCase
{
    public static string From(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    // Every enum column of every row read or written goes through here: lookups only, no allocation.
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Spellings<TEnum>.Names.TryGetValue(value, out var name) ? name : From(value.ToString());

    public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum =>
        TryParse<TEnum>(value, out var parsed)
            ? parsed
            : throw new FormatException($"'{value}' is not a {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string? value, out TEnum parsed) where TEnum : struct, Enum
    {
        parsed = default;
        return value is not null && Spellings<TEnum>.Values.TryGetValue(value, out parsed);
    }

    private static class Spellings<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToDictionary(value => value, Spell);

        public static readonly Dictionary<string, TEnum> Values = Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

        private static string Spell(TEnum value) =>
            typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? From(value.ToString());
    }
}

using System.Collections.Concurrent;
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
    private static readonly ConcurrentDictionary<(Type, string), string> Names = new();

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

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names.GetOrAdd((typeof(TEnum), value.ToString()), static key =>
            key.Item1.GetField(key.Item2)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? From(key.Item2));

    public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum =>
        TryParse<TEnum>(value, out var parsed)
            ? parsed
            : throw new FormatException($"'{value}' is not a {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string? value, out TEnum parsed) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), value, StringComparison.Ordinal))
            {
                parsed = candidate;
                return true;
            }
        }
        parsed = default;
        return false;
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integration.Cli;

/// <summary>Prints the API's JSON as pretty JSON or as aligned text columns.</summary>
internal static class ResultPrinter
{
    // Relaxed escaping: quotes, '+', '<' and Chinese names are printed as they are, not as \u0022 escapes.
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(JsonNode? node) => node?.ToJsonString(Pretty) ?? "null";

    public static string Table(JsonNode? node, IReadOnlyList<string>? columns = null) => node switch
    {
        JsonArray items => Rows(items, columns),
        JsonObject item => Fields(item),
        _ => Cell(node),
    };

    /// <summary>A list: one line per item, one column per field (the given ones, or the first item's simple fields).</summary>
    private static string Rows(JsonArray items, IReadOnlyList<string>? columns)
    {
        if (items.Count == 0)
        {
            return "(none)";
        }
        columns ??= items[0] is JsonObject first
            ? [.. first.Where(p => IsSimple(p.Value)).Select(p => p.Key)]
            : ["value"];
        var table = new List<string[]> { columns.ToArray() };
        foreach (var item in items)
        {
            table.Add([.. columns.Select(c => item is JsonObject o ? Cell(At(o, c)) : Cell(item))]);
        }
        return Align(table);
    }

    /// <summary>One object: one line per field, nested objects and lists flattened to <c>a.b</c> and <c>a[0].b</c>.</summary>
    private static string Fields(JsonObject item)
    {
        var table = new List<string[]>();
        Flatten(item, "", table);
        return Align(table);
    }

    private static void Flatten(JsonNode? node, string path, List<string[]> table)
    {
        switch (node)
        {
            case JsonObject o when !IsMoney(o):
                foreach (var (key, value) in o)
                {
                    Flatten(value, path.Length == 0 ? key : $"{path}.{key}", table);
                }
                break;
            case JsonArray a when !a.All(IsScalar):
                for (var i = 0; i < a.Count; i++)
                {
                    Flatten(a[i], $"{path}[{i}]", table);
                }
                break;
            default:
                table.Add([path, Cell(node)]);
                break;
        }
    }

    private static JsonNode? At(JsonObject item, string path)
    {
        JsonNode? node = item;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }
        return node;
    }

    private static bool IsScalar(JsonNode? node) => node is null or JsonValue;

    private static bool IsMoney(JsonObject o) => o.Count == 2 && o["amount"] is JsonValue && o["currency"] is JsonValue;

    private static bool IsSimple(JsonNode? node) => node switch
    {
        JsonObject o => IsMoney(o),
        JsonArray a => a.All(IsScalar),
        _ => true,
    };

    private static string Cell(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o when IsMoney(o) => $"{Cell(o["amount"])} {Cell(o["currency"])}",
        JsonArray a when a.All(IsScalar) => string.Join(",", a.Select(Cell)),
        _ => node.ToJsonString(Compact),
    };

    private static string Align(List<string[]> table)
    {
        var widths = new int[table.Max(r => r.Length)];
        foreach (var row in table)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        var text = new StringBuilder();
        foreach (var row in table)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }
            text.AppendLine(line.ToString().TrimEnd());
        }
        return text.ToString().TrimEnd('\n', '\r');
    }
}

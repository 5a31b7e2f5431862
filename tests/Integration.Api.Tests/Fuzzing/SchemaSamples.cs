using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// A valid value for a schema, the baseline a case then mutates: required members always, optional ones by chance;
/// the document's examples and enums; and the fixture's real values for members named like them (<c>sku</c>, <c>locationId</c>…).
/// </summary>
public sealed class SchemaSamples(ContractDocument document, FuzzWorld world)
{
    public JsonNode? Sample(JsonNode? schemaNode, string? name, Random random, int depth = 0)
    {
        var schema = document.Resolve(schemaNode);
        if (schema is null || depth > 12)
        {
            return null;
        }
        if (name is not null && world.Known(name) is { Length: > 0 } known && schema["type"]?.GetValue<string>() is null or "string")
        {
            return known[random.Next(known.Length)];
        }
        // A whole body's example is the documents' (ContractExamples); the fuzz baseline builds bodies member by member with the fixture's real ids.
        if (schema["example"] is { } example && example.GetValueKind() != System.Text.Json.JsonValueKind.Object)
        {
            return example.DeepClone();
        }
        if (schema["allOf"] is JsonArray parts)
        {
            return parts.Count == 1 ? Sample(parts[0], name, random, depth + 1) : Merge(parts.Select(p => Sample(p, name, random, depth + 1)));
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray alternatives && alternatives.Count > 0)
        {
            return Sample(alternatives[0], name, random, depth + 1);
        }
        if (schema["enum"] is JsonArray values && values.Where(v => v is not null).ToList() is { Count: > 0 } choices)
        {
            return choices[random.Next(choices.Count)]!.DeepClone();
        }
        return schema["type"]?.GetValue<string>() switch
        {
            "array" => new JsonArray(Enumerable.Range(0, Math.Max(1, schema["minItems"]?.GetValue<int>() ?? 1))
                .Select(_ => Sample(schema["items"], name, random, depth + 1)).ToArray()),
            "string" => Text(schema),
            "integer" => Math.Min(Math.Max(1, (long)(schema["minimum"]?.GetValue<double>() ?? 1)), (long)(schema["maximum"]?.GetValue<double>() ?? long.MaxValue)),
            "number" => Math.Min(Math.Max(1, schema["minimum"]?.GetValue<double>() ?? 1), schema["maximum"]?.GetValue<double>() ?? double.MaxValue),
            "boolean" => true,
            _ => ObjectOf(schema, random, depth),
        };
    }

    private JsonObject ObjectOf(JsonObject schema, Random random, int depth)
    {
        var required = (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToHashSet();
        var sample = new JsonObject();
        foreach (var (member, memberSchema) in schema["properties"] as JsonObject ?? [])
        {
            if (required.Contains(member) || random.Next(2) == 0)
            {
                sample[member] = Sample(memberSchema, member, random, depth + 1);
            }
        }
        return sample;
    }

    private static JsonNode Text(JsonObject schema) => schema["format"]?.GetValue<string>() switch
    {
        "date-time" => "2026-12-01T00:00:00Z",
        "date" => "2026-01-15",
        "uuid" => Guid.Empty.ToString(),
        "uri" => FuzzPlatform.WebhookUrl,
        _ => "fuzz".PadRight(schema["minLength"]?.GetValue<int>() ?? 0, 'z'),
    };

    private static JsonObject Merge(IEnumerable<JsonNode?> samples)
    {
        var merged = new JsonObject();
        foreach (var part in samples.OfType<JsonObject>())
        {
            foreach (var (member, value) in part)
            {
                merged[member] = value?.DeepClone();
            }
        }
        return merged;
    }
}

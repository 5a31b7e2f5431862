using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.0 schema of the document: types, <c>nullable</c>, enums, required and
/// undeclared members, lengths, bounds, patterns and date formats.
/// </summary>
/// <param name="document">Where <c>$ref</c>s point.</param>
/// <param name="judgeFormats">Whether <c>format</c> (date-time, date) is checked as well.</param>
/// <param name="nullableNeedsType">
/// Answers are read as validators read them (Prism, and OpenAPI 3.0.3): <c>nullable: true</c> admits null only beside
/// a <c>type</c>, not beside an <c>allOf</c> of a referenced enum or object. Requests are read as the platform and the
/// SDK generator (NSwag) read them, where that <c>nullable</c> does admit null.
/// </param>
public sealed class SchemaConformance(ContractDocument document, bool judgeFormats = true, bool nullableNeedsType = false)
{
    private const int MaxReported = 5;

    public IReadOnlyList<string> Check(JsonNode? schema, JsonNode? value)
    {
        var errors = new List<string>();
        // Read back as JSON text, so values built in code compare as the parsed ones the server sees.
        Check(schema, value is null ? null : JsonNode.Parse(value.ToJsonString()), "$", errors, 0);
        return errors;
    }

    private void Check(JsonNode? schemaNode, JsonNode? value, string at, List<string> errors, int depth)
    {
        var schema = document.Resolve(schemaNode);
        if (schema is null || errors.Count >= MaxReported || depth > 64)
        {
            return;
        }
        if (value is null || value.GetValueKind() == JsonValueKind.Null)
        {
            if (!AllowsNull(schema))
            {
                errors.Add($"{at} is null, which the schema does not allow");
            }
            return;
        }
        foreach (var member in schema["allOf"] as JsonArray ?? [])
        {
            Check(member, value, at, errors, depth + 1);
        }
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray alternatives
                && !alternatives.Any(alternative => new SchemaConformance(document, judgeFormats, nullableNeedsType).Check(alternative, value).Count == 0))
            {
                errors.Add($"{at} matches none of the {keyword} alternatives");
            }
        }
        if (schema["enum"] is JsonArray allowed && !allowed.Any(v => JsonNode.DeepEquals(v, value)))
        {
            errors.Add($"{at} is {Excerpt(value)}, not one of the enum's values");
            return;
        }
        var type = schema["type"]?.GetValue<string>();
        var kind = value.GetValueKind();
        switch (type)
        {
            case "object" when kind != JsonValueKind.Object:
            case "array" when kind != JsonValueKind.Array:
            case "string" when kind != JsonValueKind.String:
            case "boolean" when kind is not (JsonValueKind.True or JsonValueKind.False):
            case "number" when kind != JsonValueKind.Number:
            case "integer" when kind != JsonValueKind.Number || !IsInteger(value):
                errors.Add($"{at} is {Excerpt(value)}, not {type}");
                return;
        }
        switch (kind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, value.AsObject(), at, errors, depth);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value.AsArray(), at, errors, depth);
                break;
            case JsonValueKind.String:
                CheckString(schema, value.GetValue<string>(), at, errors, judgeFormats);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, value, at, errors);
                break;
        }
    }

    private bool AllowsNull(JsonObject schema)
    {
        if (schema["nullable"]?.GetValue<bool>() == true && (!nullableNeedsType || schema["type"] is not null)
            || schema["enum"] is JsonArray values && values.Any(v => v is null))
        {
            return true;
        }
        var parts = (schema["allOf"] as JsonArray ?? []).Select(document.Resolve).OfType<JsonObject>().ToList();
        var unconstrained = schema["type"] is null && schema["enum"] is null && schema["properties"] is null && schema["items"] is null
            && schema["oneOf"] is null && schema["anyOf"] is null && parts.Count == 0;
        return unconstrained || parts.Count > 0 && parts.All(AllowsNull);
    }

    private void CheckObject(JsonObject schema, JsonObject value, string at, List<string> errors, int depth)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var required in schema["required"] as JsonArray ?? [])
        {
            var name = required!.GetValue<string>();
            if (!value.ContainsKey(name))
            {
                errors.Add($"{at}.{name} is required but missing");
            }
        }
        foreach (var (name, member) in value)
        {
            if (properties?[name] is { } declared)
            {
                Check(declared, member, $"{at}.{name}", errors, depth + 1);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(additional, member, $"{at}.{name}", errors, depth + 1);
            }
            else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
            {
                errors.Add($"{at}.{name} is not declared (additionalProperties: false)");
            }
        }
    }

    private void CheckArray(JsonObject schema, JsonArray value, string at, List<string> errors, int depth)
    {
        if (schema["minItems"] is { } min && value.Count < min.GetValue<int>() || schema["maxItems"] is { } max && value.Count > max.GetValue<int>())
        {
            errors.Add($"{at} has {value.Count} items, outside the declared bounds");
        }
        if (schema["items"] is { } items)
        {
            for (var i = 0; i < value.Count && errors.Count < MaxReported; i++)
            {
                Check(items, value[i], $"{at}[{i}]", errors, depth + 1);
            }
        }
    }

    private static void CheckString(JsonObject schema, string value, string at, List<string> errors, bool judgeFormats)
    {
        var length = value.EnumerateRunes().Count();
        if (schema["minLength"] is { } min && length < min.GetValue<int>() || schema["maxLength"] is { } max && length > max.GetValue<int>())
        {
            errors.Add($"{at} has {length} characters, outside the declared length");
        }
        if (schema["pattern"] is { } pattern && !Regex.IsMatch(value, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{at} is {Excerpt(value)}, which does not match {pattern.GetValue<string>()}");
        }
        var format = judgeFormats ? schema["format"]?.GetValue<string>() : null;
        var valid = format switch
        {
            // RFC 3339: an offset is part of a date-time; 't' and 'z' may be lower case.
            "date-time" => DateTimeOffset.TryParseExact(value.ToUpperInvariant(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                && (value.EndsWith('Z') || value.EndsWith('z') || value.Length > 6 && value[^6] is '+' or '-'),
            "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!valid)
        {
            errors.Add($"{at} is {Excerpt(value)}, not a {format}");
        }
    }

    private static void CheckNumber(JsonObject schema, JsonNode value, string at, List<string> errors)
    {
        var number = value.GetValue<JsonElement>().GetDouble();
        if (schema["minimum"] is { } min && number < min.GetValue<JsonElement>().GetDouble()
            || schema["maximum"] is { } max && number > max.GetValue<JsonElement>().GetDouble())
        {
            errors.Add($"{at} is {number.ToString(CultureInfo.InvariantCulture)}, outside the declared bounds");
        }
    }

    private static bool IsInteger(JsonNode value) =>
        value.GetValue<JsonElement>() is var element && (element.TryGetInt64(out _) || element.TryGetDecimal(out var d) && d == decimal.Truncate(d));

    private static string Excerpt(object? value)
    {
        var text = value switch
        {
            JsonNode node => node.ToJsonString(),
            _ => value?.ToString() ?? "null",
        };
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}

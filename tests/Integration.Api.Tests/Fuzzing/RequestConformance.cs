using System.Globalization;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// Whether a request is one the document allows: its body, query and header parameters against their schemas.
/// A parameter's format is not judged: query timestamps are read as ASP.NET Core reads them (a date alone, or no
/// offset, is taken), which the shipped SDK relies on, as it sends them without an offset.
/// </summary>
public sealed class RequestConformance(SchemaConformance conformance, SchemaConformance parameterConformance)
{
    public IReadOnlyList<string> Problems(FuzzRequest request)
    {
        var problems = new List<string>();
        var operation = request.Operation;
        if (operation.Body is { } body && request.RawBody is null)
        {
            if (!request.HasBody)
            {
                if (body.Required)
                {
                    problems.Add("the required body is missing");
                }
            }
            else if (body.IsJson)
            {
                problems.AddRange(conformance.Check(body.Schema, request.Body));
            }
        }
        foreach (var parameter in operation.In("query"))
        {
            var values = request.Query.Where(q => q.Key == parameter.Name).Select(q => q.Value).ToList();
            problems.AddRange(Check(parameter, values));
        }
        foreach (var parameter in operation.In("header"))
        {
            problems.AddRange(Check(parameter, request.Headers.TryGetValue(parameter.Name, out var value) ? [value] : []));
        }
        return problems;
    }

    // An empty (or blank) value of an optional parameter is no value, as ASP.NET Core binds it; a scalar given twice is judged
    // value by value (which one counts is the framework's choice, and both must be acceptable).
    private IEnumerable<string> Check(ContractParameter parameter, List<string> values)
    {
        if (!parameter.Required)
        {
            values = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        }
        if (values.Count == 0)
        {
            return parameter.Required ? [$"the required parameter {parameter.Name} is missing"] : [];
        }
        var isArray = parameter.Schema?["type"]?.GetValue<string>() == "array";
        var judged = isArray
            ? [new JsonArray(values.Select(v => AsJson(parameter.Schema?["items"], v)).ToArray())]
            : values.Select(v => AsJson(parameter.Schema, v)).ToList();
        return judged.SelectMany(value => parameterConformance.Check(parameter.Schema, value)).Select(p => $"{parameter.Name}: {p}");
    }

    /// <summary>A parameter's text as the JSON value it stands for, given its schema's type.</summary>
    public static JsonNode? AsJson(JsonNode? schema, string text) => schema?["type"]?.GetValue<string>() switch
    {
        "integer" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole,
        "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => number,
        "boolean" when bool.TryParse(text, out var flag) => flag,
        _ => text,
    };
}

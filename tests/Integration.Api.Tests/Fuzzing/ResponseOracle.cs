using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// What is wrong with an answer: any 5xx; a status the operation does not declare; a content type it does not declare
/// for that status; a body that does not match the declared schema (problems included); a problem whose <c>status</c>
/// is not the answer's; a declared header whose value its schema does not admit; and success where the case must be
/// refused or where one status is the only right answer. Bounds (maxLength, maxItems, minimum, maximum) count as much as types.
/// </summary>
public sealed class ResponseOracle(SchemaConformance conformance)
{
    public IReadOnlyList<string> Judge(FuzzCase fuzzCase, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var wrong = new List<string>();
        if (status >= 500)
        {
            wrong.Add("server error");
        }
        if (fuzzCase.MustAnswer is { } expected && status != expected)
        {
            wrong.Add($"must answer {expected}");
        }
        if (fuzzCase.MustBeRefused && status is >= 200 and < 300)
        {
            wrong.Add("accepted a request the document does not allow");
        }
        if (fuzzCase.Request.Operation.ResponseFor(status) is not { } declared)
        {
            wrong.Add("status not declared for the operation");
            return wrong;
        }
        foreach (var (name, header) in declared["headers"] as JsonObject ?? [])
        {
            if (header?["schema"] is JsonObject schema && HeaderValue(response, name, schema) is { } value)
            {
                wrong.AddRange(conformance.Check(schema, value).Select(e => $"header {name} {e}"));
            }
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var content = declared["content"] as JsonObject;
        if (body.Length == 0)
        {
            if (content is { Count: > 0 })
            {
                wrong.Add("empty body where the document declares content");
            }
            return wrong;
        }
        if (mediaType is null || content?[mediaType] is not JsonObject media)
        {
            wrong.Add($"content type {mediaType ?? "(none)"} not declared for {status}");
            return wrong;
        }
        if (!mediaType.Contains("json", StringComparison.Ordinal))
        {
            return wrong;
        }
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            wrong.Add("body is not JSON");
            return wrong;
        }
        wrong.AddRange(conformance.Check(media["schema"], json).Select(e => "body " + e));
        if (mediaType == "application/problem+json" && json?["status"]?.GetValue<int>() != status)
        {
            wrong.Add("problem status differs from the answer's");
        }
        return wrong;
    }

    /// <summary>A declared header's value as its schema reads it: an integer header as a number, any other as text.</summary>
    private static JsonNode? HeaderValue(HttpResponseMessage response, string name, JsonObject schema)
    {
        if (!response.Headers.TryGetValues(name, out var values) && !response.Content.Headers.TryGetValues(name, out values))
        {
            return null;
        }
        var text = string.Join(", ", values);
        return schema["type"]?.GetValue<string>() == "integer" && long.TryParse(text, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
    }
}

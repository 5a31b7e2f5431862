using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>An OpenAPI 3.0 document as the running platform serves it: its operations, and its schemas with <c>$ref</c>s resolved.</summary>
public sealed class ContractDocument(string name, JsonNode root)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public string Name { get; } = name;

    public IReadOnlyList<ContractOperation> Operations { get; } = ReadOperations(root);

    /// <summary>The schema itself, or the one its <c>$ref</c> (to this document's components) points at.</summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        var current = schema as JsonObject;
        for (var hops = 0; current?["$ref"] is JsonValue reference && hops < 32; hops++)
        {
            var path = reference.GetValue<string>();
            if (!path.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{Name}: only local references are supported, not {path}");
            }
            JsonNode? target = root;
            foreach (var segment in path[2..].Split('/'))
            {
                target = target?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
            current = target as JsonObject ?? throw new InvalidOperationException($"{Name}: {path} points nowhere");
        }
        return current;
    }

    private static List<ContractOperation> ReadOperations(JsonNode root)
    {
        var operations = new List<ContractOperation>();
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            var shared = item!["parameters"] as JsonArray;
            foreach (var method in Methods)
            {
                if (item[method] is not JsonObject operation)
                {
                    continue;
                }
                var parameters = (shared ?? []).Concat(operation["parameters"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Select(p => new ContractParameter(
                        p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() == true, p["schema"], p["example"]))
                    .ToList();
                ContractBody? body = null;
                if (operation["requestBody"] is JsonObject requestBody && requestBody["content"] is JsonObject content && content.Count > 0)
                {
                    var (mediaType, media) = content.First();
                    body = new ContractBody(mediaType, media?["schema"], requestBody["required"]?.GetValue<bool>() == true);
                }
                operations.Add(new ContractOperation(method.ToUpperInvariant(), path, parameters, body, operation["responses"]!.AsObject())
                {
                    Secured = operation["security"] is JsonArray { Count: > 0 },
                });
            }
        }
        return operations;
    }
}

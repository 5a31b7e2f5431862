using System.Text.Json.Nodes;
using Integration.Api.Paging;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>
/// Writes <see cref="ContractExamples"/> into the schema of each request and answer type, where Swagger UI and generated
/// docs take their example from; a page's example is its item's, with the cursor of the next page; a list's is its item's.
/// </summary>
public sealed class ExamplesOfTheContract : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo is null && context.ParameterInfo is null && schema is OpenApiSchema type && ExampleOf(context.Type) is { } example)
        {
            type.Examples = [example];
        }
    }

    private static JsonNode? ExampleOf(Type type)
    {
        if (ContractExamples.Requests.TryGetValue(type, out var request) || ContractExamples.Responses.TryGetValue(type, out request))
        {
            return JsonNode.Parse(request);
        }
        if (!type.IsGenericType || ExampleOf(type.GetGenericArguments()[0]) is not { } item)
        {
            return null;
        }
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Page<>) ? new JsonObject { ["data"] = new JsonArray(item), ["nextCursor"] = ContractExamples.NextCursor }
            : definition == typeof(IReadOnlyList<>) ? new JsonArray(item)
            : null;
    }
}

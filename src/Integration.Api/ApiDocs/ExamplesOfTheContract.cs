using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>Writes <see cref="ContractExamples"/> into the schema of each request type, where Swagger UI and generated docs take their example from.</summary>
public sealed class ExamplesOfTheContract : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo is null && context.ParameterInfo is null && schema is OpenApiSchema type
            && ContractExamples.Requests.TryGetValue(context.Type, out var example))
        {
            type.Examples = [JsonNode.Parse(example)!];
        }
    }
}

using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>
/// A member that refers to another schema (<c>allOf</c> of an object or an enum) is optional rather than
/// <c>nullable</c>: OpenAPI 3.0.3 admits <c>nullable: true</c> only beside a <c>type</c>, so validators cannot compile
/// it and an example of a body holding such a member fails (Spectral's <c>oas3-valid-schema-example</c>). Answers
/// leave such a member out when it has no value (<see cref="Hosting.AbsentWhenNull"/>) and requests may leave it out,
/// which is what the documents say without it; generated clients still read it as nullable, since it is not required.
/// </summary>
public sealed class NullableReferences : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var schema in (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
        {
            foreach (var member in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
            {
                if (member.Type == JsonSchemaType.Null && member.AllOf is [OpenApiSchemaReference])
                {
                    member.Type = null;
                }
            }
        }
    }
}

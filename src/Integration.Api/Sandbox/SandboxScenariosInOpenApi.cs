using Integration.Api.ApiDocs;
using Integration.Core.Sandbox;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.Sandbox;

/// <summary>Publishes the named sandbox scenarios in every partner OpenAPI document (<c>x-sandbox-scenarios</c>).</summary>
public sealed class SandboxScenariosInOpenApi : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        if (context.DocumentName == ApiDocsSetup.AdminDocument)
        {
            return;
        }
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions["x-sandbox-scenarios"] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray(SandboxScenarios.All
            .Select(s => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = s.Name, ["trigger"] = s.Trigger, ["outcome"] = s.Outcome,
            }).ToArray()));
    }
}

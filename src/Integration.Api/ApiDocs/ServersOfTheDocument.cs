using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>
/// Where the API of a document is, so Try it out and generated clients know where to send requests:
/// <c>ApiDocs:PublicBaseUrl</c> when the operator sets it (the URL partners use), otherwise <c>/</c>,
/// the server that served the document. Fixed by configuration, never by the request, so the
/// committed documents come out the same on every machine.
/// </summary>
public sealed class ServersOfTheDocument(string publicBaseUrl) : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var server = publicBaseUrl.Length == 0
            ? new OpenApiServer { Url = "/", Description = "The server that serves this document (local, staging or production)." }
            : new OpenApiServer { Url = publicBaseUrl.TrimEnd('/'), Description = "The platform (production; sandbox or live is chosen by the credential)." };
        server.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        server.Extensions["x-internal"] = new JsonNodeExtension(JsonValue.Create(context.DocumentName == ApiDocsSetup.AdminDocument));
        swaggerDoc.Servers = [server];
    }
}

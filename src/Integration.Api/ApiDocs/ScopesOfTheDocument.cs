using Integration.Core.Credentials;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>
/// Each document's OAuth flow offers only the scopes its callers can hold: partner scopes, or <c>admin</c>. The admin
/// document has no public application endpoints, so no application key scheme.
/// </summary>
public sealed class ScopesOfTheDocument : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        if (swaggerDoc.Components?.SecuritySchemes?.TryGetValue(ApiDocsSetup.SecurityScheme, out var shared) != true
            || shared is not OpenApiSecurityScheme { Flows.ClientCredentials: { } flow } scheme)
        {
            return;
        }
        if (context.DocumentName == ApiDocsSetup.AdminDocument)
        {
            swaggerDoc.Components.SecuritySchemes.Remove(ApiDocsSetup.ApplicationKeyScheme);
        }
        var offered = context.DocumentName == ApiDocsSetup.AdminDocument ? [ApiScopes.Admin] : ApiScopes.PartnerScopes;
        // The scheme object is shared by every document: each gets its own copy.
        swaggerDoc.Components.SecuritySchemes[ApiDocsSetup.SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = scheme.Type,
            Description = scheme.Description,
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = flow.TokenUrl,
                    Scopes = ApiScopes.Descriptions.Where(s => offered.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value),
                },
            },
        };
    }
}

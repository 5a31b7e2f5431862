using System.Reflection;
using Integration.Api.OAuth;
using Integration.Api.Sandbox;
using Integration.Api.Hosting;
using Integration.Core.Credentials;
using Microsoft.OpenApi;
using Integration.Web.Docs;

namespace Integration.Api.ApiDocs;

public static class ApiDocsSetup
{
    private static readonly OpenApiContact Support = new() { Name = "Partner integration support", Email = "partner-integrations@example.com" };

    public const string PartnerDocument = "v1";
    public const string PartnerDocumentV2 = "v2";
    public const string AdminDocument = "admin";
    public const string SecurityScheme = "oauth2";
    public const string ApplicationKeyScheme = "applicationKey";

    /// <summary>Where a reader of a document goes next: the guides, as links Swagger UI shows under the title.</summary>
    private const string PartnerGuides = "\n\nGuides: [all guides](/docs/guides) · [getting started](/docs/guides/getting-started) · [authentication](/docs/guides/authentication) · "
        + "[orders](/docs/guides/orders) · [inventory](/docs/guides/inventory) · [outlets](/docs/guides/outlets) · [settlement](/docs/guides/settlement) · [sandbox](/docs/guides/sandbox) · "
        + "[events and webhooks](/docs/guides/webhooks) · [versioning](/docs/guides/versioning) · [errors](/docs/guides/errors)";

    private const string AdminGuides = "\n\nGuides: [all guides](/docs/guides) · [operations](/docs/guides/operations) · [authentication and credentials](/docs/guides/authentication) · "
        + "[settlement](/docs/guides/settlement) · [security](/docs/guides/security) · [errors](/docs/guides/errors)";

    /// <summary>One OpenAPI document per partner API version plus one for the admin API, each with the OAuth scheme.</summary>
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        var publicBaseUrl = builder.Configuration["ApiDocs:PublicBaseUrl"] ?? "";
        if (publicBaseUrl.Length > 0 && !(Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            throw new InvalidOperationException($"ApiDocs:PublicBaseUrl is '{publicBaseUrl}'; it must be an absolute URL such as https://partners.example.com, or unset.");
        }
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(PartnerDocument, new OpenApiInfo
            {
                Title = "Partner Integration API",
                Version = "v1",
                Contact = Support,
                Description = "DEPRECATED: v1 works until its sunset (2027-11-27); move to v2 ([versioning](/docs/guides/versioning)). Orders, inventory sharing and settlement for the brand's partners. Authenticate with the OAuth 2.0 client credentials grant at /connect/token." + PartnerGuides,
            });
            options.SwaggerDoc(PartnerDocumentV2, new OpenApiInfo
            {
                Title = "Partner Integration API",
                Version = "v2",
                Contact = Support,
                Description = "Orders, inventory sharing and settlement for the brand's partners. Money is a decimal string with its currency. Authenticate with the OAuth 2.0 client credentials grant at /connect/token." + PartnerGuides,
            });
            options.SwaggerDoc(AdminDocument, new OpenApiInfo
            {
                Title = "Partner Integration Admin API",
                Version = "v1",
                Contact = Support,
                Description = "For internal teams: partners, credentials and the audit log. Needs an internal credential with the 'admin' scope." + AdminGuides,
            });
            options.DocInclusionPredicate((document, api) =>
            {
                var isAdmin = api.RelativePath?.StartsWith("admin/", StringComparison.Ordinal) == true;
                return document == AdminDocument ? isAdmin : !isAdmin && api.GroupName == document;
            });
            options.AddSecurityDefinition(SecurityScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "OAuth 2.0 client credentials. Use the client id and secret an internal team issued to you. Access tokens are signed JWTs (ES256/RS256, audience `integration-api`, 15 minutes) following RFC8725 best practices; revocation takes effect within 30 seconds.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = ApiScopes.Descriptions.ToDictionary(s => s.Key, s => s.Value),
                    },
                },
            });
            options.AddSecurityDefinition(ApplicationKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Onboarding.ApplicationKeyAttribute.Header,
                Description = "Applying to become a partner: the publishable key of the brand's sign-up site (`apk_…`), which the onboarding team gives each site. Not a secret; it names the site, and each site's addresses have their own rate limit.",
            });
            options.OperationFilter<SecurityAndProblemResponses>();
            options.DocumentFilter<SandboxScenariosInOpenApi>();
            options.DocumentFilter<ScopesOfTheDocument>();
            options.DocumentFilter<TokenEndpointInDocuments>();
            options.DocumentFilter<ServersOfTheDocument>(publicBaseUrl);
            options.SchemaFilter<ContractGlossary>();
            options.SchemaFilter<RequiredMembersOnly>();
            options.SchemaFilter<ElementLengths>();
            options.DocumentFilter<ContractBounds>();
            options.DocumentFilter<NullableReferences>();
            // One name per operation in every version's document: route names carry a version suffix only to stay unique.
            options.CustomOperationIds(api => api.ActionDescriptor.AttributeRouteInfo?.Name is { } name && name.EndsWith("V2", StringComparison.Ordinal) ? name[..^2] : api.ActionDescriptor.AttributeRouteInfo?.Name);
            options.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            options.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
            options.SupportNonNullableReferenceTypes();
            // Non-nullable members are always present: generated clients get non-nullable properties.
            options.NonNullableReferenceTypesAsRequired();
            options.UseAllOfToExtendReferenceSchemas();
            foreach (var assembly in ContractAssemblies.All)
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml))
                {
                    options.IncludeXmlComments(xml);
                }
            }
            options.SchemaFilter<DecimalStrings>();
            options.SchemaFilter<ExamplesOfTheContract>();
        });
        return builder;
    }

    /// <summary>
    /// JSON at <c>/swagger/{document}/swagger.json</c>, served through authentication and authorization
    /// like any endpoint; the interactive UI at <c>/docs</c>. The partner documents are public. The admin
    /// document is for internal credentials outside Development (<c>ApiDocs:AdminDocumentForInternalOnly</c>),
    /// and then the UI does not offer it.
    /// </summary>
    public static WebApplication UseApiDocs(this WebApplication app)
    {
        var adminInternalOnly = app.Configuration.GetValue("ApiDocs:AdminDocumentForInternalOnly", !app.Environment.IsDevelopment());
        app.MapSwagger("/swagger/{documentName:regex(^v\\d+$)}/swagger.json");
        var admin = app.MapSwagger($"/swagger/{{documentName:regex(^{AdminDocument}$)}}/swagger.json");
        if (adminInternalOnly)
        {
            admin.RequireAuthorization(new AdminAccessAttribute(AdminPermission.Read));
        }
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.DocumentTitle = "Partner Integration API";
            // Each document's description links the guides; the page names them too, for readers and tools that look there.
            options.HeadContent = $"<link rel=\"help\" href=\"{GuideRenderer.GuidesPath}\" title=\"Guides\">";
            options.SwaggerEndpoint($"/swagger/{PartnerDocumentV2}/swagger.json", "Partner API v2");
            options.SwaggerEndpoint($"/swagger/{PartnerDocument}/swagger.json", "Partner API v1 (deprecated)");
            if (!adminInternalOnly)
            {
                options.SwaggerEndpoint($"/swagger/{AdminDocument}/swagger.json", "Admin API");
            }
        });
        return app;
    }
}

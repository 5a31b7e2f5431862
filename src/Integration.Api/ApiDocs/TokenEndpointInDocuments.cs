using System.Text.Json.Nodes;
using Integration.Api.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>
/// Every document describes <c>POST /connect/token</c> (served by OpenIddict, so not found by the API explorer):
/// a partner's validating proxy or generated client meets it before any other call, and would otherwise find a route
/// the contract does not know. The SDK's generator leaves it out; the SDK asks for tokens itself.
/// </summary>
public sealed class TokenEndpointInDocuments : IDocumentFilter
{
    public const string Tag = "OAuth";

    /// <summary>The schema of an OAuth error answer, in the components so its four uses share it.</summary>
    public const string ErrorSchema = "OAuthError";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
        swaggerDoc.Tags.Add(new OpenApiTag { Name = Tag, Description = "Access tokens for the client credentials grant (RFC 6749 § 4.4)." });
        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        swaggerDoc.Components.Schemas[ErrorSchema] = OAuthError();
        var operation = Operation(swaggerDoc);
        SecurityAndProblemResponses.DeclareHeaders(operation);
        swaggerDoc.Paths.Add(TokenRequestLimitMiddleware.TokenPath, new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = operation },
        });
    }

    private static OpenApiOperation Operation(OpenApiDocument document) => new()
    {
        OperationId = "RequestAccessToken",
        Summary = "Gets an access token for a client id and secret.",
        Description = "Send the client id and secret in the form, or as HTTP Basic credentials (RFC 6749 § 2.3.1). "
            + "The token is a JWT for 15 minutes; ask for a new one shortly before it expires. Errors are OAuth errors "
            + "(`error`, `error_description`), and the platform's refusals also carry `code` and `traceId`.",
        Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
        // The client credentials of the API's OAuth flow authenticate this request itself, in the form or as Basic
        // credentials; no bearer token is needed (the empty alternative), since this is where it comes from.
        Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocsSetup.SecurityScheme, document)] = [] }, new OpenApiSecurityRequirement()],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "grant_type" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["grant_type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["client_credentials"], Description = "Always `client_credentials`." },
                            ["client_id"] = Text(TokenRequestLimitMiddleware.MaxClientIdLength, "The client id (`sbx_…`, `live_…`, `adm_…`); or send it with Basic authentication."),
                            ["client_secret"] = Text(TokenRequestLimitMiddleware.MaxClientSecretLength, "The client secret; or send it with Basic authentication."),
                            ["scope"] = Text(TokenRequestLimitMiddleware.MaxScopeLength, "Space-separated scopes, a subset of the credential's; all of them when left out."),
                        },
                    },
                },
            },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = Json("The access token.", new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "access_token", "token_type", "expires_in" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["access_token"] = Text(8192, "The JWT to send as `Authorization: Bearer <token>`."),
                    ["token_type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["Bearer"] },
                    ["expires_in"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "86400", Description = "Seconds the token is valid." },
                    ["scope"] = Text(TokenRequestLimitMiddleware.MaxScopeLength, "The scopes the token carries."),
                },
            }, TokenExample, "application/json"),
            ["400"] = Json("An invalid request, grant or scope (`invalid_request`, `unsupported_grant_type`, `invalid_scope`).", new OpenApiSchemaReference(ErrorSchema, document), PlatformRefusal(400), "application/json", "application/problem+json"),
            ["401"] = Json("Unknown client, wrong or expired secret, or revoked credential (`invalid_client`).", new OpenApiSchemaReference(ErrorSchema, document), OAuthRefusal("invalid_client", "The specified client credentials are invalid."), "application/json"),
            ["413"] = Json("The form is larger than the platform reads.", new OpenApiSchemaReference(ErrorSchema, document), PlatformRefusal(413), "application/problem+json"),
            ["415"] = Json("The body is not a UTF-8 form.", new OpenApiSchemaReference(ErrorSchema, document), PlatformRefusal(415), "application/problem+json"),
            ["429"] = Json("Too many token requests, or too many wrong secrets for this client; retry after `Retry-After` seconds.", new OpenApiSchemaReference(ErrorSchema, document), PlatformRefusal(429), "application/problem+json"),
            ["500"] = Json("Something went wrong on our side; quote the traceId.", new OpenApiSchemaReference(ErrorSchema, document), PlatformRefusal(500), "application/problem+json"),
            ["503"] = Json("The database is unreachable for a moment; retry after `Retry-After` seconds.", new OpenApiSchemaReference(ErrorSchema, document), PlatformRefusal(503), "application/problem+json", "application/json"),
        },
    };

    /// <summary>What a client gets for a good client id and secret (a shortened JWT).</summary>
    private static readonly JsonObject TokenExample = new()
    {
        ["access_token"] = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJzYnhfNG44YjJ2NmMweDV6OW0zazdqMWgyZzZmIn0.MEUCIQD3k9",
        ["token_type"] = "Bearer",
        ["expires_in"] = 900,
        ["scope"] = "orders:read orders:write inventory:read",
    };

    /// <summary>A refusal written by the OAuth server (RFC 6749 § 5.2).</summary>
    private static JsonObject OAuthRefusal(string error, string description) =>
        new() { ["error"] = error, ["error_description"] = description };

    /// <summary>A refusal of the platform's own, a problem that OAuth clients read too.</summary>
    private static JsonObject PlatformRefusal(int status)
    {
        var problem = ProblemExamples.For(null, TokenRequestLimitMiddleware.TokenPath, status, idempotent: false, field: "client_id");
        // As Problems.Complete writes it on the token path.
        problem["error"] = status == StatusCodes.Status400BadRequest ? "invalid_request" : problem["code"]!.GetValue<string>();
        problem["error_description"] = problem["detail"]?.GetValue<string>() ?? problem["title"]!.GetValue<string>();
        return problem;
    }

    private static OpenApiResponse Json(string description, IOpenApiSchema schema, JsonObject example, params string[] mediaTypes) => new()
    {
        Description = description,
        Content = mediaTypes.ToDictionary(type => type, _ => (IOpenApiMediaType)new OpenApiMediaType { Schema = schema, Example = example.DeepClone() }),
    };

    /// <summary>An OAuth error (RFC 6749 § 5.2); the platform's own refusals are problem documents that carry it too.</summary>
    private static OpenApiSchema OAuthError() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "error" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["error"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64, Pattern = "^[a-z_]+$", Description = "The OAuth error code." },
            ["error_description"] = Text(1000, "What went wrong, for a developer to read."),
            ["error_uri"] = Text(2048, "A page about the error."),
            ["type"] = Text(2048, "The problem type URI (platform refusals)."),
            ["title"] = Text(200, "A short summary (platform refusals)."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
            ["detail"] = Text(1000, "What went wrong (platform refusals)."),
            ["instance"] = Text(2048, "The request path."),
            ["code"] = Text(64, "The platform's error code (docs/errors.md)."),
            ["traceId"] = Text(200, "The W3C trace id; quote it to support."),
            ["requestId"] = Text(200, "The request id, also in the `X-Request-Id` header."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Field → what is wrong with it, when the refusal is about particular fields.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = 10, Items = Text(1000, "One problem with the field.") },
            },
        },
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema Text(int maxLength, string description) =>
        new() { Type = JsonSchemaType.String, MaxLength = maxLength, Description = description };
}

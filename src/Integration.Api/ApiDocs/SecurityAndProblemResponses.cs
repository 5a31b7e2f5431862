using Integration.Api.Hosting;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Api.RateLimiting;
using Integration.Api.Sandbox;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>Declares, per operation, the scope it needs and the problem+json answers it can give.</summary>
public sealed class SecurityAndProblemResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Deprecated |= context.ApiDescription.IsDeprecated;
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        // A public endpoint (applying to become a partner) needs no token, but the sign-up site's key, and answers problems like any other.
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var siteKey = metadata.OfType<Onboarding.ApplicationKeyAttribute>().Any();
        var scopes = metadata.OfType<PartnerAccessAttribute>().Select(a => a.Scope).OfType<string>()
            .Concat(metadata.OfType<AdminAccessAttribute>().Select(_ => ApiScopes.Admin))
            .Distinct().ToList();
        operation.Security = siteKey ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocsSetup.ApplicationKeyScheme, context.Document)] = [] }]
            : anonymous ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocsSetup.SecurityScheme, context.Document)] = scopes }];
        foreach (var permission in metadata.OfType<AdminAccessAttribute>().Select(a => a.Permission).Distinct())
        {
            var roles = string.Join(", ", RolePermissions.RolesGranting(permission).Select(role => $"`{SnakeCase.Of(role)}`"));
            operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : "\n\n")}Needs the permission `{permission}` (roles {roles}); otherwise 403 `insufficient_role`.";
        }

        if (metadata.OfType<IdempotentAttribute>().FirstOrDefault() is { } idempotent)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotentAttribute.Header,
                In = ParameterLocation.Header,
                Required = idempotent.Required,
                Description = "A unique key (e.g. a UUID) per logical request; retries with the same key replay the first answer for 24 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ContractLimits.IdempotencyKey, Pattern = ContractPatterns.IdempotencyKey },
                Example = System.Text.Json.Nodes.JsonValue.Create(ContractExamples.IdempotencyKey),
            });
        }
        // An upload read from the raw body (an import) declares its body by the types it consumes.
        if (operation.RequestBody is null && metadata.OfType<ConsumesAttribute>().FirstOrDefault() is { } consumes)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = consumes.ContentTypes.ToDictionary(type => type, type => (IOpenApiMediaType)new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "The upload as text.",
                        Examples = ContractExamples.Uploads.TryGetValue(type, out var upload) ? [System.Text.Json.Nodes.JsonValue.Create(upload)] : null,
                    },
                }),
            };
        }
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var validationProblem = context.SchemaGenerator.GenerateSchema(typeof(ValidationProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        var path = context.ApiDescription.RelativePath ?? "";
        var idempotentOperation = metadata.OfType<IdempotentAttribute>().Any();
        var invalidField = InvalidFieldOf(context.ApiDescription);
        void Add(string status, string description, IOpenApiSchema schema) => operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType
                {
                    Schema = schema,
                    Example = ProblemExamples.For(operation.OperationId, path, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), idempotentOperation, invalidField),
                },
            },
        });
        Add("400", "The request is not valid; `errors` names each field.", validationProblem);
        if (siteKey)
        {
            Add("401", "No `X-Application-Key`, or not the key of any sign-up site (application_key_invalid).", problem);
        }
        if (!anonymous)
        {
            Add("401", "No access token, or it is expired, revoked or not for this API.", problem);
            Add("403", "The token lacks the scope this operation needs, or is the wrong kind of credential.", problem);
        }
        // A body can name an object (a location, a SKU, a partner) that does not exist for this caller, like a path can.
        if (metadata.OfType<SandboxOnlyAttribute>().Any())
        {
            Add("404", "No such resource for this caller; sandbox-only operations do not exist for live credentials.", problem);
        }
        else if (context.ApiDescription.RelativePath?.Contains('{') == true || operation.RequestBody is not null)
        {
            Add("404", "No such resource for this caller.", problem);
        }
        var statuses = metadata.OfType<ProblemResponsesAttribute>().SelectMany(a => a.Statuses).ToList();
        if (operation.RequestBody is not null)
        {
            statuses.AddRange([413, 415]); // the body-size limit; a body in another content type or charset (Utf8BodiesOnly)
        }
        if (idempotentOperation)
        {
            statuses.AddRange([409, 422]); // idempotency_key_in_use, idempotency_key_reused
        }
        if (metadata.OfType<PartnerAccessAttribute>().Any() && !metadata.OfType<ReadableWhileAdvancingAttribute>().Any())
        {
            statuses.Add(409); // clock_advancing: a sandbox whose clock advances in the background (SandboxClockMiddleware)
        }
        foreach (var status in statuses.Distinct().Order())
        {
            Add(status.ToString(System.Globalization.CultureInfo.InvariantCulture), ProblemResponsesAttribute.Describe(status), problem);
        }
        Add("429", "Too many requests; retry after `Retry-After` seconds.", problem);
        Add("500", "Something went wrong on our side; quote the traceId.", problem);
        Add("503", "The database is unreachable or busy for a moment (service_unavailable); retry after `Retry-After` seconds, with the same Idempotency-Key.", problem);
        DeclareHeaders(operation);
    }

    /// <summary>The field a validation problem of the operation names: the first of its body's example, else its first parameter.</summary>
    private static string InvalidFieldOf(ApiDescription api)
    {
        var body = api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (body is not null && ContractExamples.Requests.TryGetValue(body, out var example) && System.Text.Json.Nodes.JsonNode.Parse(example) is System.Text.Json.Nodes.JsonObject { Count: > 0 } fields)
        {
            return fields.First().Key;
        }
        return api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Query || p.Source == BindingSource.Path)?.Name ?? "body";
    }

    // What every answer carries (RateLimitMiddleware, RequestIdMiddleware): declared so clients and linters know.
    internal static void DeclareHeaders(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses!)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers.TryAdd("X-Request-Id", Header("The request id; quote it to support (also `traceId` in problems).",
                RequestIdMiddleware.Pattern, RequestIdMiddleware.MaxLength));
            if (status.StartsWith('2') || status.StartsWith('4'))
            {
                concrete.Headers.TryAdd("RateLimit-Policy", Header("Your rate-limit policy (IETF draft): `\"partner\";q=<burst>;w=<window seconds>`.",
                    RateLimitFields.PolicyPattern, RateLimitFields.MaxLength));
                concrete.Headers.TryAdd("RateLimit", Header("What is left of it (IETF draft): `\"partner\";r=<remaining>;t=<seconds to full>`.",
                    RateLimitFields.RemainingPattern, RateLimitFields.MaxLength));
            }
            if (status is "409" or "429" or "503")
            {
                concrete.Headers.TryAdd("Retry-After", new OpenApiHeader
                {
                    Description = status == "409" ? "With idempotency_key_in_use and clock_advancing: seconds to wait before retrying." : "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "3600" },
                });
            }
        }
    }

    private static OpenApiHeader Header(string description, string pattern, int maxLength) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength, Pattern = pattern } };
}

using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
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
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }
        var scopes = metadata.OfType<PartnerAccessAttribute>().Select(a => a.Scope).OfType<string>()
            .Concat(metadata.OfType<AdminAccessAttribute>().Select(_ => ApiScopes.Admin))
            .Distinct().ToList();
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocsSetup.SecurityScheme, context.Document)] = scopes }];

        if (metadata.OfType<IdempotentAttribute>().FirstOrDefault() is { } idempotent)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotentAttribute.Header,
                In = ParameterLocation.Header,
                Required = idempotent.Required,
                Description = "A unique key (e.g. a UUID) per logical request; retries with the same key replay the first answer for 24 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var validationProblem = context.SchemaGenerator.GenerateSchema(typeof(ValidationProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        Add(operation, "400", "The request is not valid; `errors` names each field.", validationProblem);
        Add(operation, "401", "No access token, or it is expired, revoked or not for this API.", problem);
        Add(operation, "403", "The token lacks the scope this operation needs, or is the wrong kind of credential.", problem);
        if (context.ApiDescription.RelativePath?.Contains('{') == true)
        {
            Add(operation, "404", "No such resource for this caller.", problem);
        }
        foreach (var status in metadata.OfType<ProblemResponsesAttribute>().SelectMany(a => a.Statuses))
        {
            Add(operation, status.ToString(System.Globalization.CultureInfo.InvariantCulture), ProblemResponsesAttribute.Describe(status), problem);
        }
        Add(operation, "429", "Too many requests; retry after `Retry-After` seconds.", problem);
        Add(operation, "500", "Something went wrong on our side; quote the traceId.", problem);
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        });
}

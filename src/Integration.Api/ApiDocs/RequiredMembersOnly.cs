using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>
/// A contract that marks its required members with C#'s <c>required</c> (the request contracts) declares only those
/// as required: a member with a default (a location's <c>sharing</c>, <c>nobody</c>) may be left out, as the JSON
/// reader allows, instead of being required by the document because its type is not nullable.
/// </summary>
public sealed class RequiredMembersOnly : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Required.Count: > 0 } concrete || context.Type.IsEnum)
        {
            return;
        }
        var properties = context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        if (!properties.Any(p => p.IsDefined(typeof(RequiredMemberAttribute))))
        {
            return;
        }
        foreach (var property in properties.Where(p => !p.IsDefined(typeof(RequiredMemberAttribute)) && !p.IsDefined(typeof(RequiredAttribute))))
        {
            concrete.Required!.Remove(property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name));
        }
    }
}

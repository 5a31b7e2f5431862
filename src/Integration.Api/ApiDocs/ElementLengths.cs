using Integration.Api.Hosting;
using Integration.Application.Hosting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Reflection;

namespace Integration.Api.ApiDocs;

/// <summary>Writes <see cref="MaxLengthEachAttribute"/> as the items' <c>maxLength</c> of a list of strings.</summary>
public sealed class ElementLengths : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var each = context.MemberInfo?.GetCustomAttribute<MaxLengthEachAttribute>() ?? context.ParameterInfo?.GetCustomAttribute<MaxLengthEachAttribute>();
        if (each is not null && schema.Items is OpenApiSchema items)
        {
            items.MaxLength = each.Length;
        }
    }
}

using System.Reflection;
using System.Text.Json.Nodes;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>
/// Documents a <see cref="DecimalStringAttribute"/> member as what it reads: a string with the rule's pattern and
/// length, its description and an example, and its bounds as <c>x-minimum</c> / <c>x-maximum</c> (JSON Schema's
/// minimum and maximum apply to numbers only). Registered after the XML comments, so it adds to their description.
/// </summary>
public sealed class DecimalStrings : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo?.GetCustomAttribute<DecimalStringAttribute>() is not { } rule || schema is not OpenApiSchema member)
        {
            return;
        }
        member.Type = member.Type is { } type && type.HasFlag(JsonSchemaType.Null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        member.Format = null;
        member.Minimum = null;
        member.Maximum = null;
        member.Pattern = rule.Pattern;
        member.MaxLength = rule.MaxLength;
        member.Examples = [JsonValue.Create(DecimalStringAttribute.Example)];
        member.Description = string.IsNullOrEmpty(member.Description) ? rule.Rule : $"{member.Description} {rule.Rule}";
        member.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        member.Extensions["x-minimum"] = new JsonNodeExtension(JsonValue.Create(Money.Format(rule.Minimum)));
        member.Extensions["x-maximum"] = new JsonNodeExtension(JsonValue.Create(Money.Format(rule.Maximum)));
    }
}

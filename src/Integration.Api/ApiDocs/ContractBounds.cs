using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Partners;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integration.Api.ApiDocs;

/// <summary>
/// Bounds every string, integer and array of the document, so that generated clients and validators can rely on them
/// (and the OWASP lint rules hold). What a partner sends is bounded by the request contracts' validation attributes,
/// which enforce what they document; this filter adds only bounds that are true without them:
/// <list type="bullet">
/// <item>strings whose format or pattern fixes their length (timestamps, dates, SKUs, region, country and currency codes, months);</item>
/// <item>ids in paths: <see cref="ContractLimits.Id"/> (a longer one names nothing and gets 404);</item>
/// <item>what we answer, where the contract names no narrower limit: <see cref="ContractLimits.Text"/> characters,
/// <see cref="ContractLimits.Items"/> items, and the range of the integer's format.</item>
/// </list>
/// A schema that is part of a request is never given an answer's default: an unbounded member there fails the lint.
/// </summary>
public sealed class ContractBounds : IDocumentFilter
{
    private static readonly Dictionary<string, int> LengthOfPattern = new()
    {
        [SkuFormat.Pattern] = SkuFormat.MaxLength,
        [RegionCode.Pattern] = ContractLimits.RegionCode,
        [ContractPatterns.CountryCode] = ContractLimits.CountryCode,
        [ContractPatterns.CurrencyCode] = ContractLimits.CurrencyCode,
        [ContractPatterns.Period] = ContractLimits.Period,
        [ContractPatterns.IdempotencyKey] = ContractLimits.IdempotencyKey,
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var operations = (document.Paths ?? []).Values.SelectMany(path => path.Operations ?? []).Select(o => o.Value).ToList();
        var requested = new HashSet<string>();
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Collect(parameter.Schema, components, requested);
            }
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                Collect(media.Schema, components, requested);
            }
        }

        foreach (var schema in components.Values)
        {
            Visit(schema, BoundByShape);
        }
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Visit(parameter.Schema, BoundByShape);
                if (parameter.In == ParameterLocation.Path && parameter.Schema is OpenApiSchema path && IsUnboundedString(path))
                {
                    path.MaxLength = parameter.Name == "sku" ? SkuFormat.MaxLength : ContractLimits.Id;
                    path.Pattern ??= parameter.Name == "sku" ? SkuFormat.Pattern : null;
                }
            }
            // A text upload (a stock import) is bounded by its size limit.
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                if (media.Schema is OpenApiSchema upload && IsUnboundedString(upload))
                {
                    upload.MaxLength = ContractLimits.StockImportBytes;
                }
                // A form upload (a qualification document): its dates by their format, its file by the upload limit.
                Visit(media.Schema, BoundByShape);
                Visit(media.Schema, file =>
                {
                    if (IsUnboundedString(file) && file.Format == "binary")
                    {
                        file.MaxLength = ContractLimits.DocumentUploadBytes;
                    }
                });
            }
            foreach (var response in (operation.Responses ?? []).Values)
            {
                foreach (var media in response.Content?.Values ?? [])
                {
                    Visit(media.Schema, BoundByShape);
                    Visit(media.Schema, BoundAnswer);
                }
                foreach (var header in (response.Headers ?? new Dictionary<string, IOpenApiHeader>()).Values)
                {
                    Visit(header.Schema, BoundAnswer);
                }
            }
        }
        foreach (var (name, schema) in components)
        {
            if (!requested.Contains(name))
            {
                Visit(schema, BoundAnswer);
            }
        }
    }

    private static void BoundByShape(OpenApiSchema schema)
    {
        if (!IsUnboundedString(schema))
        {
            return;
        }
        schema.MaxLength = schema.Format switch
        {
            "date-time" => ContractLimits.Timestamp,
            "date" => ContractLimits.Date,
            _ => schema.Pattern is { } pattern && LengthOfPattern.TryGetValue(pattern, out var length) ? length : null,
        };
    }

    private static void BoundAnswer(OpenApiSchema schema)
    {
        if (IsUnboundedString(schema))
        {
            schema.MaxLength = ContractLimits.Text;
        }
        if (Is(schema, JsonSchemaType.Integer) && schema.Minimum is null && schema.Maximum is null)
        {
            var wide = schema.Format == "int64";
            schema.Minimum = (wide ? long.MinValue : int.MinValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
            schema.Maximum = (wide ? long.MaxValue : int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (Is(schema, JsonSchemaType.Array) && schema.MaxItems is null)
        {
            schema.MaxItems = ContractLimits.Items;
        }
    }

    private static bool IsUnboundedString(OpenApiSchema schema) =>
        Is(schema, JsonSchemaType.String) && schema.MaxLength is null && schema.Enum is not { Count: > 0 } && schema.Const is null;

    private static bool Is(OpenApiSchema schema, JsonSchemaType type) => schema.Type is { } declared && declared.HasFlag(type);

    /// <summary>Applies <paramref name="bound"/> to a schema and every schema written inside it; referenced components are left to their own turn.</summary>
    private static void Visit(IOpenApiSchema? schema, Action<OpenApiSchema> bound)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }
        bound(concrete);
        foreach (var member in concrete.Properties?.Values ?? [])
        {
            Visit(member, bound);
        }
        Visit(concrete.Items, bound);
        Visit(concrete.AdditionalProperties, bound);
        foreach (var part in (concrete.AllOf ?? []).Concat(concrete.OneOf ?? []).Concat(concrete.AnyOf ?? []))
        {
            Visit(part, bound);
        }
    }

    /// <summary>The names of the components a request schema uses, directly or through others.</summary>
    private static void Collect(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> components, HashSet<string> names)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference:
                if (reference.Reference.Id is { } id && names.Add(id) && components.TryGetValue(id, out var target))
                {
                    Collect(target, components, names);
                }
                break;
            case OpenApiSchema concrete:
                foreach (var member in concrete.Properties?.Values ?? [])
                {
                    Collect(member, components, names);
                }
                Collect(concrete.Items, components, names);
                Collect(concrete.AdditionalProperties, components, names);
                foreach (var part in (concrete.AllOf ?? []).Concat(concrete.OneOf ?? []).Concat(concrete.AnyOf ?? []))
                {
                    Collect(part, components, names);
                }
                break;
        }
    }
}

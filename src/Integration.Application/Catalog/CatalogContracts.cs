using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Integration.Application.Hosting;
using Integration.Core.Catalog;
using Integration.Core.Common;

namespace Integration.Application.Catalog;

public sealed record CreateProductRequest
{
    [RegularExpression(SkuFormat.Pattern, ErrorMessage = SkuFormat.Message)]
    public required string Sku { get; init; }

    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public required string Name { get; init; }

    /// <summary>List price with at most two decimals.</summary>
    [Range(typeof(decimal), "0.01", "100000000")]
    public required decimal ListPrice { get; init; }

    [RegularExpression(ContractPatterns.CurrencyCode, ErrorMessage = "currency is an ISO 4217 code such as CNY.")]
    public string Currency { get; init; } = "CNY";

    public bool Active { get; init; } = true;
}

/// <summary>Changes to a product; omitted fields stay. Existing orders keep the prices they were placed with.</summary>
public sealed record UpdateProductRequest
{
    [StringLength(ContractLimits.Name, MinimumLength = 1)]
    public string? Name { get; init; }

    [Range(typeof(decimal), "0.01", "100000000")]
    public decimal? ListPrice { get; init; }

    public bool? Active { get; init; }
}

/// <summary>A product as v1 shows it: money as a number with two decimals.</summary>
public sealed record ProductV1(
    string Sku, string Name, [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal ListPrice, string Currency, bool Active)
{
    public static ProductV1 From(Product p) => new(p.Sku, p.Name, p.ListPrice, p.Currency, p.Active);
}

/// <summary>A product as v2 shows it: money as a decimal string with its currency.</summary>
public sealed record ProductV2(string Sku, string Name, MoneyAmount ListPrice, bool Active)
{
    public static ProductV2 From(Product p) => new(p.Sku, p.Name, MoneyAmount.Of(p.ListPrice, p.Currency), p.Active);
}

/// <summary>The admin view of a product.</summary>
public sealed record ProductResponse(
    string Sku, string Name, [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal ListPrice, string Currency, bool Active,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProductResponse From(Product p) => new(p.Sku, p.Name, p.ListPrice, p.Currency, p.Active, p.CreatedAt, p.UpdatedAt);
}

using System.Text.RegularExpressions;
using Integration.Core.Common;

namespace Integration.Core.Catalog;

/// <summary>A product of the brand's catalogue, as partners order it.</summary>
public sealed class Product
{
    public required string Sku { get; init; }
    public required string Name { get; set; }
    public decimal ListPrice { get; set; }
    public string Currency { get; set; } = Money.DefaultCurrency;
    public bool Active { get; set; } = true;

    /// <summary>A sandbox scenario product (docs/sandbox.md): orderable only with sandbox credentials, invisible to live ones.</summary>
    public bool SandboxOnly { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

public static partial class SkuFormat
{
    public const int MaxLength = 40;

    /// <summary>1 to <see cref="MaxLength"/> characters: keep the two in step.</summary>
    public const string Pattern = "^[A-Z0-9][A-Z0-9._-]{0,39}$";

    public const string Message = "sku must be 1–40 upper-case letters, digits, '.', '_' or '-'.";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Upper-case letters, digits, '.', '_' and '-'; 1 to 40 characters, starting with a letter or digit.</summary>
    public static bool IsValid(string? sku) => sku is not null && Shape().IsMatch(sku);
}

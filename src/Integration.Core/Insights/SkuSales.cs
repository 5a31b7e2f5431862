namespace Integration.Core.Insights;

/// <summary>A SKU's net units and net sales (delivered − returned) in a period.</summary>
public sealed record SkuSales(string Sku, int Units, decimal NetSales);

namespace Integration.Core.Insights;

/// <summary>The stock-side KPIs of a period (docs/grades.md › Stock KPIs); each null when its denominator is zero.</summary>
/// <param name="StockOutRate">Share of (location, SKU) pairs with nothing available at the daily 00:00 snapshot, averaged over the period's snapshot days.</param>
/// <param name="SellThrough">Units delivered / (units on hand at the start + units received).</param>
/// <param name="InventoryTurnover">Units delivered / average units on hand over the period's snapshots.</param>
public sealed record StockKpiFigures(decimal? StockOutRate, decimal? SellThrough, decimal? InventoryTurnover);

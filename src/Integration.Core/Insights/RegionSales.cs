namespace Integration.Core.Insights;

/// <summary>Net sales and delivered orders in a period at the outlets of one region.</summary>
public sealed record RegionSales(string RegionCode, int Orders, decimal NetSales);

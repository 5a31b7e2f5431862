namespace Integration.Core.Insights;

/// <summary>
/// A partner's KPIs for one period (domain.md › Partner insights), rounded as domain.md says: money to 0.01,
/// ratios to 4 decimals; a ratio whose denominator is zero is null. The stock KPIs (stock-out rate, sell-through,
/// inventory turnover) are computed elsewhere.
/// </summary>
public sealed record PartnerKpis(
    string PartnerId,
    KpiPeriod Period,
    string Currency,
    decimal DeliveredSales,
    decimal ReturnedSales,
    decimal NetSales,
    decimal PreviousNetSales,
    decimal YearEarlierNetSales,
    decimal? Growth,
    decimal? GrowthYearOnYear,
    int Orders,
    decimal? AverageOrderValue,
    int Customers,
    int NewCustomers,
    int RepeatCustomers,
    decimal? RepurchaseRate,
    long Footfall,
    long Conversions,
    decimal? ConversionRate,
    int Outlets,
    int RegionsCovered,
    int EventsEnded,
    int EventsOnTime,
    decimal? OnTimeActivityRate,
    IReadOnlyList<EventReturn> Events,
    IReadOnlyList<SkuSales> TopSkus,
    IReadOnlyList<RegionSales> TopRegions,
    StockKpiFigures Stock);

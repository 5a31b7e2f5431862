using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Integration.Application.Hosting;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Insights;

namespace Integration.Application.Insights;

/// <summary>Where each KPI is defined: a section of the insights guide (formula, rounding, the worked example).</summary>
public static class KpiDefinitions
{
    public const string Guide = "/docs/guides/insights";

    public static IReadOnlyDictionary<string, string> All { get; } = new[]
    {
        "netSales", "growth", "growthYearOnYear", "orders", "averageOrderValue", "customers", "newCustomers", "repeatCustomers",
        "repurchaseRate", "conversionRate", "outlets", "regionsCovered", "onTimeActivityRate", "events", "topSkus", "topRegions",
        "stockOutRate", "sellThrough", "inventoryTurnover",
    }.ToDictionary(name => name, name => $"{Guide}#{SnakeCase.From(name).Replace('_', '-')}");
}

/// <summary>
/// A partner's KPIs for a period, v2: money as <c>{ amount, currency }</c> strings, ratios as decimal strings
/// (<c>"0.6667"</c>; null when the denominator is zero). <c>definitions</c> links each KPI to its formula.
/// </summary>
public sealed record PartnerKpisV2(
    [property: StringLength(ContractLimits.Period)] string Period, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset AsOf,
    MoneyAmount NetSales, MoneyAmount DeliveredSales, MoneyAmount ReturnedSales, MoneyAmount PreviousNetSales, MoneyAmount YearEarlierNetSales,
    string? Growth, string? GrowthYearOnYear, int Orders, MoneyAmount? AverageOrderValue,
    int Customers, int NewCustomers, int RepeatCustomers, string? RepurchaseRate,
    long Footfall, long Conversions, string? ConversionRate, int Outlets, int RegionsCovered,
    int EventsEnded, int EventsOnTime, string? OnTimeActivityRate,
    [property: MaxLength(ContractLimits.Items)] IReadOnlyList<EventReturnV2> Events,
    [property: MaxLength(KpiReader.TopCount)] IReadOnlyList<SkuSalesV2> TopSkus,
    [property: MaxLength(KpiReader.TopCount)] IReadOnlyList<RegionSalesV2> TopRegions,
    string? StockOutRate, string? SellThrough, string? InventoryTurnover,
    IReadOnlyDictionary<string, string> Definitions)
{
    public static PartnerKpisV2 Of(PartnerKpis k, DateTimeOffset asOf)
    {
        MoneyAmount M(decimal amount) => MoneyAmount.Of(amount, k.Currency);
        return new(k.Period.ToString(), k.Period.Start, k.Period.End.AddDays(-1), asOf,
            M(k.NetSales), M(k.DeliveredSales), M(k.ReturnedSales), M(k.PreviousNetSales), M(k.YearEarlierNetSales),
            Rate(k.Growth), Rate(k.GrowthYearOnYear), k.Orders, k.AverageOrderValue is { } aov ? M(aov) : null,
            k.Customers, k.NewCustomers, k.RepeatCustomers, Rate(k.RepurchaseRate),
            k.Footfall, k.Conversions, Rate(k.ConversionRate), k.Outlets, k.RegionsCovered,
            k.EventsEnded, k.EventsOnTime, Rate(k.OnTimeActivityRate),
            [.. k.Events.Select(e => new EventReturnV2(e.EventId, e.Name, e.Start, e.End, e.EndedOnTime, M(e.Sales), M(e.Cost), Rate(e.Roi)))],
            [.. k.TopSkus.Select(s => new SkuSalesV2(s.Sku, s.Units, M(s.NetSales)))],
            [.. k.TopRegions.Select(r => new RegionSalesV2(r.RegionCode, r.Orders, M(r.NetSales)))],
            Rate(k.Stock.StockOutRate), Rate(k.Stock.SellThrough), Rate(k.Stock.InventoryTurnover),
            KpiDefinitions.All);
    }

    private static string? Rate(decimal? ratio) => ratio is { } r ? Rates.Format(r) : null;
}

/// <summary>A promotional event that ended in the period, v2: sales at its outlets in its window, cost, and ROI = (sales − cost) / cost.</summary>
public sealed record EventReturnV2(
    [property: StringLength(ContractLimits.Id)] string EventId, [property: StringLength(ContractLimits.Name)] string Name,
    DateOnly Start, DateOnly End, bool EndedOnTime, MoneyAmount Sales, MoneyAmount Cost, string? Roi);

/// <summary>A SKU's net units and net sales in the period, v2.</summary>
public sealed record SkuSalesV2([property: StringLength(SkuFormat.MaxLength)] string Sku, int Units, MoneyAmount NetSales);

/// <summary>Delivered orders and net sales at the outlets of one region in the period, v2.</summary>
public sealed record RegionSalesV2([property: StringLength(ContractLimits.RegionCode)] string RegionCode, int Orders, MoneyAmount NetSales);

/// <summary>
/// A partner's KPIs for a period, v1: money as numbers with two decimals, ratios as numbers with up to four
/// (null when the denominator is zero). <c>definitions</c> links each KPI to its formula.
/// </summary>
public sealed record PartnerKpisV1(
    [property: StringLength(ContractLimits.Period)] string Period, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset AsOf, string Currency,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal NetSales,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal DeliveredSales,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal ReturnedSales,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal PreviousNetSales,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal YearEarlierNetSales,
    decimal? Growth, decimal? GrowthYearOnYear, int Orders, decimal? AverageOrderValue,
    int Customers, int NewCustomers, int RepeatCustomers, decimal? RepurchaseRate,
    long Footfall, long Conversions, decimal? ConversionRate, int Outlets, int RegionsCovered,
    int EventsEnded, int EventsOnTime, decimal? OnTimeActivityRate,
    [property: MaxLength(ContractLimits.Items)] IReadOnlyList<EventReturnV1> Events,
    [property: MaxLength(KpiReader.TopCount)] IReadOnlyList<SkuSalesV1> TopSkus,
    [property: MaxLength(KpiReader.TopCount)] IReadOnlyList<RegionSalesV1> TopRegions,
    decimal? StockOutRate, decimal? SellThrough, decimal? InventoryTurnover,
    IReadOnlyDictionary<string, string> Definitions)
{
    public static PartnerKpisV1 Of(PartnerKpis k, DateTimeOffset asOf) => new(
        k.Period.ToString(), k.Period.Start, k.Period.End.AddDays(-1), asOf, k.Currency,
        k.NetSales, k.DeliveredSales, k.ReturnedSales, k.PreviousNetSales, k.YearEarlierNetSales,
        k.Growth, k.GrowthYearOnYear, k.Orders, k.AverageOrderValue,
        k.Customers, k.NewCustomers, k.RepeatCustomers, k.RepurchaseRate,
        k.Footfall, k.Conversions, k.ConversionRate, k.Outlets, k.RegionsCovered,
        k.EventsEnded, k.EventsOnTime, k.OnTimeActivityRate,
        [.. k.Events.Select(e => new EventReturnV1(e.EventId, e.Name, e.Start, e.End, e.EndedOnTime, e.Sales, e.Cost, e.Roi))],
        [.. k.TopSkus.Select(s => new SkuSalesV1(s.Sku, s.Units, s.NetSales))],
        [.. k.TopRegions.Select(r => new RegionSalesV1(r.RegionCode, r.Orders, r.NetSales))],
        k.Stock.StockOutRate, k.Stock.SellThrough, k.Stock.InventoryTurnover,
        KpiDefinitions.All);
}

/// <summary>A promotional event that ended in the period, v1.</summary>
public sealed record EventReturnV1(
    [property: StringLength(ContractLimits.Id)] string EventId, [property: StringLength(ContractLimits.Name)] string Name,
    DateOnly Start, DateOnly End, bool EndedOnTime,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal Sales,
    [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal Cost, decimal? Roi);

/// <summary>A SKU's net units and net sales in the period, v1.</summary>
public sealed record SkuSalesV1([property: StringLength(SkuFormat.MaxLength)] string Sku, int Units, [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal NetSales);

/// <summary>Delivered orders and net sales at the outlets of one region in the period, v1.</summary>
public sealed record RegionSalesV1(
    [property: StringLength(ContractLimits.RegionCode)] string RegionCode, int Orders, [property: JsonConverter(typeof(TwoDecimalsConverter))] decimal NetSales);

/// <summary>KPIs period by period, v2.</summary>
public sealed record KpiSeriesV2(
    [property: StringLength(ContractLimits.Period)] string From, [property: StringLength(ContractLimits.Period)] string To, KpiPeriodKind Granularity,
    [property: MaxLength(KpiSeries.MaxMonths)] IReadOnlyList<PartnerKpisV2> Periods);

/// <summary>KPIs period by period, v1.</summary>
public sealed record KpiSeriesV1(
    [property: StringLength(ContractLimits.Period)] string From, [property: StringLength(ContractLimits.Period)] string To, KpiPeriodKind Granularity,
    [property: MaxLength(KpiSeries.MaxMonths)] IReadOnlyList<PartnerKpisV1> Periods);

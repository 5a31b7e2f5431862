using System.Globalization;
using CsvHelper;
using Integration.Core.Common;
using Integration.Core.Insights;

namespace Integration.Application.Insights;

/// <summary>
/// KPIs as CSV for a spreadsheet: per period one row per KPI (<c>record=kpi</c>), then its events, top SKUs and top
/// regions. Values are plain numbers (money with two decimals, ratios with up to four); an empty value is a ratio
/// whose denominator was zero.
/// </summary>
public static class KpiExport
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static async Task WriteAsync(IEnumerable<PartnerKpis> periods, Stream body, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        await csv.WriteRecordAsync(["record", "period", "name", "value", "unit", "count", "definition"], cancellationToken);
        foreach (var k in periods)
        {
            var money = k.Currency;
            foreach (var (name, value, unit) in new (string, string?, string)[]
            {
                ("netSales", M(k.NetSales), money), ("deliveredSales", M(k.DeliveredSales), money), ("returnedSales", M(k.ReturnedSales), money),
                ("growth", R(k.Growth), "ratio"), ("growthYearOnYear", R(k.GrowthYearOnYear), "ratio"), ("orders", N(k.Orders), "orders"),
                ("averageOrderValue", k.AverageOrderValue is { } aov ? M(aov) : null, money), ("customers", N(k.Customers), "customers"),
                ("newCustomers", N(k.NewCustomers), "customers"), ("repeatCustomers", N(k.RepeatCustomers), "customers"),
                ("repurchaseRate", R(k.RepurchaseRate), "ratio"), ("footfall", N(k.Footfall), "visitors"), ("conversions", N(k.Conversions), "visitors"),
                ("conversionRate", R(k.ConversionRate), "ratio"), ("outlets", N(k.Outlets), "outlets"), ("regionsCovered", N(k.RegionsCovered), "regions"),
                ("eventsEnded", N(k.EventsEnded), "events"), ("eventsOnTime", N(k.EventsOnTime), "events"), ("onTimeActivityRate", R(k.OnTimeActivityRate), "ratio"),
                ("stockOutRate", R(k.Stock.StockOutRate), "ratio"), ("sellThrough", R(k.Stock.SellThrough), "ratio"),
                ("inventoryTurnover", R(k.Stock.InventoryTurnover), "ratio"),
            })
            {
                await RowAsync(csv, "kpi", k.Period, name, value, unit, null, Definition(name), cancellationToken);
            }
            foreach (var e in k.Events)
            {
                await RowAsync(csv, "event_roi", k.Period, e.EventId, R(e.Roi), "ratio", null, Definition("events"), cancellationToken);
            }
            foreach (var s in k.TopSkus)
            {
                await RowAsync(csv, "top_sku", k.Period, s.Sku, M(s.NetSales), money, N(s.Units), Definition("topSkus"), cancellationToken);
            }
            foreach (var r in k.TopRegions)
            {
                await RowAsync(csv, "top_region", k.Period, r.RegionCode, M(r.NetSales), money, N(r.Orders), Definition("topRegions"), cancellationToken);
            }
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static string Definition(string name) => KpiDefinitions.All.TryGetValue(name, out var link) ? link : KpiDefinitions.Guide;

    private static string M(decimal amount) => Money.Format(amount);

    private static string? R(decimal? ratio) => ratio is { } r ? r.ToString("0.0000", CultureInfo.InvariantCulture) : null;

    private static string N(long count) => count.ToString(CultureInfo.InvariantCulture);

    // Numbers (formatted to their scale above) go out as numbers, so a negative one is not escaped as formula-like text.
    private static async Task RowAsync(
        CsvWriter csv, string record, KpiPeriod period, string name, string? value, string unit, string? count, string definition, CancellationToken cancellationToken)
    {
        csv.WriteField(record);
        csv.WriteField(period.ToString());
        csv.WriteField(name);
        WriteNumber(csv, value);
        csv.WriteField(unit);
        WriteNumber(csv, count);
        csv.WriteField(definition);
        await csv.EndRecordAsync(cancellationToken);
    }

    private static void WriteNumber(CsvWriter csv, string? number)
    {
        if (number is null)
        {
            csv.WriteField("");
            return;
        }
        csv.WriteField(decimal.Parse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), default);
    }
}

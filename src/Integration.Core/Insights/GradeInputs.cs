namespace Integration.Core.Insights;

/// <summary>The quarter's KPIs a grade is decided from; a null figure (zero denominator) meets no threshold.</summary>
/// <param name="MonthlyFootfallPerOutlet">The period's footfall / outlets open at its end / its months.</param>
/// <param name="ConversionRate">Conversions / footfall of the period.</param>
/// <param name="RepurchaseRate">The period's repurchase rate (domain.md › Partner insights).</param>
public sealed record GradeInputs(decimal? MonthlyFootfallPerOutlet, decimal? ConversionRate, decimal? RepurchaseRate)
{
    public static GradeInputs Of(PartnerKpis kpis)
    {
        var months = kpis.Period.Kind switch { KpiPeriodKind.Month => 1, KpiPeriodKind.Quarter => 3, _ => 12 };
        return new GradeInputs(Ratios.Of(kpis.Footfall, (decimal)kpis.Outlets * months), kpis.ConversionRate, kpis.RepurchaseRate);
    }
}

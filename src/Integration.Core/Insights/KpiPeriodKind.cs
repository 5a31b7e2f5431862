namespace Integration.Core.Insights;

public enum KpiPeriodKind
{
    Month,
    Quarter,
    Year,
}

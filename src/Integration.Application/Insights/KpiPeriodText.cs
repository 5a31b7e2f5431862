using Integration.Core.Common;
using Integration.Core.Insights;

namespace Integration.Application.Insights;

/// <summary>A period as the insights endpoints take it in the query: its message, and its reading (years 2000 to 2999).</summary>
public static class KpiPeriodText
{
    public const string Message = "period is a month (2026-03), a quarter (2026-Q1) or a year (2026).";

    public static KpiPeriod Parse(string text, string field) =>
        KpiPeriod.TryParse(text, out var period) && period.IsSupported
            ? period
            : throw DomainException.Invalid(field, Message.Replace("period", field, StringComparison.Ordinal) + " Years run from 2000 to 2999.");
}

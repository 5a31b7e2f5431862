using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;
using Integration.Core.Insights;

namespace Integration.Api.Insights;

/// <summary>Which periods a KPI series covers: <c>from</c> and <c>to</c> (months, quarters or years, both included) and the step.</summary>
public sealed record KpiSeriesQuery
{
    /// <summary>The first period: <c>2026-01</c>, <c>2026-Q1</c> or <c>2026</c>.</summary>
    [Required, StringLength(ContractLimits.Period), RegularExpression(KpiPeriod.Pattern, ErrorMessage = "from is a month (2026-01), a quarter (2026-Q1) or a year (2026).")]
    public required string From { get; init; }

    /// <summary>The last period, included; at most 36 months after <c>from</c> begins.</summary>
    [Required, StringLength(ContractLimits.Period), RegularExpression(KpiPeriod.Pattern, ErrorMessage = "to is a month (2026-06), a quarter (2026-Q2) or a year (2026).")]
    public required string To { get; init; }

    /// <summary><c>month</c> (the default), <c>quarter</c> or <c>year</c>.</summary>
    public KpiPeriodKind? Granularity { get; init; }
}

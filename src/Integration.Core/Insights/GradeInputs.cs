namespace Integration.Core.Insights;

/// <summary>The quarter's KPIs a grade is decided from; a null figure (zero denominator) meets no threshold.</summary>
/// <param name="MonthlyFootfallPerOutlet">The quarter's footfall / outlets reporting / 3 months.</param>
/// <param name="ConversionRate">Conversions / footfall of the quarter.</param>
/// <param name="RepurchaseRate">The quarter's repurchase rate (domain.md › Partner insights).</param>
public sealed record GradeInputs(decimal? MonthlyFootfallPerOutlet, decimal? ConversionRate, decimal? RepurchaseRate);

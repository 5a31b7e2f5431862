namespace Integration.Application.Insights;

public static class InsightsSetup
{
    /// <summary>Partner KPIs, the brand-wide view, and the rebuild of the sales aggregates.</summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<KpiReader>();
        builder.Services.AddScoped<SalesAggregateRebuild>();
        return builder;
    }
}

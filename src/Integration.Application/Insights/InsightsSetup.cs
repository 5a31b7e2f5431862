namespace Integration.Application.Insights;

public static class InsightsSetup
{
    /// <summary>Partner KPIs, the brand-wide view, and the rebuild of the sales aggregates.</summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InsightsOptions>().Bind(builder.Configuration.GetSection(InsightsOptions.Section));
        builder.Services.AddScoped<SalesAggregateWriter>();
        builder.Services.AddScoped<KpiReader>();
        builder.Services.AddScoped<SalesAggregateRebuild>();
        builder.Services.AddScoped<KpiSeries>();
        builder.Services.AddScoped<BrandInsights>();
        return builder;
    }
}

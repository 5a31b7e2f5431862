using Integration.Application.Hosting;
using Integration.Application.Ratings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Application.Insights;

public static class InsightsSetup
{
    /// <summary>
    /// Partner KPIs, the brand-wide view and the rebuild of the sales aggregates; the daily stock snapshot job and the
    /// stock KPIs read from it; quarter-end grades and credit rating proposals.
    /// </summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InsightsOptions>().Bind(builder.Configuration.GetSection(InsightsOptions.Section))
            .ValidateSettings(InsightsOptions.Section);
        builder.Services.AddScoped<SalesAggregateWriter>();
        builder.Services.AddScoped<KpiReader>();
        builder.Services.AddScoped<SalesAggregateRebuild>();
        builder.Services.AddScoped<KpiSeries>();
        builder.Services.AddScoped<BrandInsights>();
        builder.Services.TryAddSingleton<JobLeases>();
        builder.Services.AddScoped<StockKpis>();
        builder.Services.AddScoped<GradeBook>();
        builder.Services.AddScoped<RatingProposals>();
        builder.Services.AddSingleton<StockSnapshotJob>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StockSnapshotJob>());
        builder.Services.AddSingleton<QuarterEndJob>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<QuarterEndJob>());
        return builder;
    }
}

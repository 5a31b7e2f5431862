using Integration.Application.Hosting;
using Integration.Application.Ratings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Application.Insights;

public static class InsightsSetup
{
    /// <summary>The daily stock snapshot job and the stock KPIs read from it; quarter-end grades and credit rating proposals.</summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InsightsOptions>().Bind(builder.Configuration.GetSection(InsightsOptions.Section))
            .ValidateSettings(InsightsOptions.Section);
        builder.Services.TryAddSingleton<JobLeases>();
        builder.Services.AddScoped<StockKpis>();
        builder.Services.AddScoped<GradeInputsReader>();
        builder.Services.AddScoped<GradeBook>();
        builder.Services.AddScoped<RatingProposals>();
        builder.Services.AddSingleton<QuarterEndJob>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<QuarterEndJob>());
        builder.Services.AddSingleton<StockSnapshotJob>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StockSnapshotJob>());
        return builder;
    }
}

using Integration.Application.Hosting;
namespace Integration.Application.Cluster;

public static class ClusterSetup
{
    /// <summary>Redis (when <c>Redis:Configuration</c> is set) and the signals instances exchange through it.</summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>().Bind(builder.Configuration.GetSection(RedisOptions.Section))
            .ValidateSettings(RedisOptions.Section);
        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddSingleton<ClusterSignals>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return builder;
    }
}

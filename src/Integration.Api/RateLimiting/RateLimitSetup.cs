using Integration.Api.Hosting;
using Integration.Application.Hosting;
namespace Integration.Api.RateLimiting;

public static class RateLimitSetup
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .ValidateSettings(RateLimitOptions.Section);
        builder.Services.AddSingleton<LocalTokenBuckets>();
        builder.Services.AddSingleton<RedisTokenBuckets>();
        builder.Services.AddSingleton<RateLimitGate>();
        return builder;
    }
}

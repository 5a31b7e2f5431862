using Integration.Application.Hosting;
using Integration.Application.Events;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Integration.Application.Webhooks;

public static class WebhookSetup
{
    public static IHostApplicationBuilder AddEventsAndWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section)).ValidateSettings(WebhookOptions.Section);
        services.AddScoped<EventLog>();
        services.AddSingleton<EventRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<EventRetention>());
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookPayloads>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookWakeUp>();
        services.AddHostedService<WebhookDispatchService>();
        services.AddHealthChecks().AddCheck<WebhookBacklogHealthCheck>("webhooks", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var targets = provider.GetRequiredService<WebhookTargets>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false,
                    ConnectCallback = targets.ConnectAsync,
                    ConnectTimeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AttemptTimeout,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    MaxResponseHeadersLength = 16,
                    MaxConnectionsPerServer = 64,
                };
            })
            .RemoveAllLoggers();
        // One long-lived sender: its handler pools connections and renews them (and their DNS answers) every 2 minutes.
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<WebhookSender>(
            provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSender.ClientName)));
        return builder;
    }
}

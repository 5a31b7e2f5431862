using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Integration.Api.Settlement;

public static class SettlementSetup
{
    public static WebApplicationBuilder AddSettlement(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SettlementOptions>().Bind(builder.Configuration.GetSection(SettlementOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TryZone(o.CloseTimeZone), "Settlement:CloseTimeZone is not a known time zone.")
            .ValidateOnStart();
        services.AddScoped<StatementBuilder>();
        services.AddScoped<PeriodCloser>();
        services.AddScoped<Statements>();
        services.AddScoped<StatementExport>();
        services.AddScoped<SettlementDesk>();
        services.AddSingleton<PayoutRunner>();
        services.AddSingleton<SettlementJobs>();
        services.AddHostedService(provider => provider.GetRequiredService<SettlementJobs>());

        var gateway = builder.Configuration.GetSection($"{SettlementOptions.Section}:BankGateway").Get<BankGatewayOptions>() ?? new BankGatewayOptions();
        services.AddHttpClient<BankGateway>(BankGateway.ClientName, (provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<SettlementOptions>>().Value.BankGateway.BaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts apply
            })
            .AddResilienceHandler("bank-gateway", (pipeline, _) =>
            {
                // Network time is real time, even where the business clock is simulated (tests, sandbox).
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(gateway.TotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(1, gateway.Retries),
                        ShouldHandle = args => ValueTask.FromResult(gateway.Retries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = gateway.RetryDelay,
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, gateway.AttemptTimeout.Ticks * 2)),
                        MinimumThroughput = 10,
                        FailureRatio = 0.5,
                        BreakDuration = TimeSpan.FromSeconds(30),
                    })
                    .AddTimeout(gateway.AttemptTimeout);
            });
        return builder;
    }

    private static bool TryZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}

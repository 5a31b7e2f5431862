using Integration.Application.Hosting;
using Integration.Core.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Integration.Application.Settlement;

public static class SettlementSetup
{
    public static IHostApplicationBuilder AddSettlement(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SettlementOptions>().Bind(builder.Configuration.GetSection(SettlementOptions.Section))
            .ValidateSettings(SettlementOptions.Section)
            .Validate(o => TryZone(o.CloseTimeZone), "Settlement:CloseTimeZone is not a known time zone.")
            // Nested options are not covered by ValidateSettings: the gateway's are checked here.
            .Validate(o => o.BankGateway.AttemptTimeout >= TimeSpan.FromMilliseconds(10) && o.BankGateway.AttemptTimeout <= TimeSpan.FromDays(1)
                && o.BankGateway.TotalTimeout >= o.BankGateway.AttemptTimeout && o.BankGateway.TotalTimeout <= TimeSpan.FromDays(1),
                "Settlement:BankGateway:AttemptTimeout must be between 10 ms and 1 day, and TotalTimeout at least AttemptTimeout and at most 1 day.")
            .Validate(o => o.BankGateway.Retries is >= 0 and <= 10 && o.BankGateway.RetryDelay >= TimeSpan.Zero,
                "Settlement:BankGateway:Retries must be between 0 and 10, and RetryDelay not negative.")
            .Validate(o => o.BankGateway.CircuitMinimumThroughput is >= 1 and <= 10_000,
                "Settlement:BankGateway:CircuitMinimumThroughput must be between 1 and 10000.")
            .Validate(o => o.BankGateway.CircuitFailureRatio is > 0 and <= 1,
                "Settlement:BankGateway:CircuitFailureRatio must be above 0 and at most 1.")
            .Validate(o => o.BankGateway.CircuitSamplingDuration > TimeSpan.Zero && o.BankGateway.CircuitSamplingDuration <= TimeSpan.FromDays(1),
                "Settlement:BankGateway:CircuitSamplingDuration must be above 0 and at most 1 day.")
            .Validate(o => o.BankGateway.CircuitBreakDuration > TimeSpan.Zero && o.BankGateway.CircuitBreakDuration <= TimeSpan.FromDays(1),
                "Settlement:BankGateway:CircuitBreakDuration must be above 0 and at most 1 day.")
            .ValidateOnStart();
        services.AddScoped<StatementBuilder>();
        services.AddScoped<PeriodCloser>();
        services.AddScoped<Statements>();
        services.AddScoped<StatementExport>();
        services.AddScoped<SettlementDesk>();
        services.AddSingleton<GatewayCircuit>();
        services.AddSingleton<PayoutRunner>();
        services.AddKeyedSingleton<IPayoutGateway, LivePayoutGateway>(ApiEnvironment.Live);
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
                        // Only lookups by key (GET) are retried here. A payout request (POST) is sent once per call:
                        // it is sent again only by PayoutRunner, after a lookup found no payout under its key (ADR 0009).
                        ShouldHandle = args => ValueTask.FromResult(gateway.Retries > 0
                            && args.Context.GetRequestMessage()?.Method == HttpMethod.Get
                            && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = gateway.RetryDelay,
                    })
                    .AddTimeout(gateway.AttemptTimeout);
                // No Polly circuit breaker: GatewayCircuit counts real failures only and turns an open circuit
                // into "not attempted" instead of a failed attempt, shared between instances through Redis.
            });
        services.AddHealthChecks()
            .AddCheck<BankGatewayHealthCheck>("bank-gateway", failureStatus: HealthStatus.Degraded, tags: ["ready"])
            .AddCheck<PayoutsHealthCheck>("payouts", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
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

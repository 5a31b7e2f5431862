using Integration.Core.Common;
using Integration.Core.Settlement;
using Microsoft.Extensions.Options;

namespace Integration.Application.Settlement;

/// <summary>
/// Closes months when they fall due (<see cref="CloseSchedule"/>) in both environments, then sends
/// due payouts. Every instance may run it: closing is idempotent per partner and payouts are leased.
/// </summary>
public sealed class SettlementJobs(
    IServiceScopeFactory scopes, PayoutRunner payouts, TimeProvider clock, IOptions<SettlementOptions> options, ILogger<SettlementJobs> logger)
    : BackgroundService
{
    /// <summary>Closes the months that are due and not closed yet; returns the statements it made.</summary>
    public async Task<int> CloseDueMonthsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var made = 0;
        foreach (var period in CloseSchedule.DuePeriods(clock.UtcNow(), settings.TimeZone, settings.CloseDelay))
        {
            foreach (var environment in Enum.GetValues<ApiEnvironment>())
            {
                await using var scope = scopes.CreateAsyncScope();
                var closer = scope.ServiceProvider.GetRequiredService<PeriodCloser>();
                if (await closer.IsPeriodClosedAsync(environment, period, cancellationToken))
                {
                    continue;
                }
                var outcome = await closer.CloseAsync(environment, period, partnerId: null, cancellationToken);
                logger.LogInformation("Closed {Period} ({Environment}): {Closed} statements, {AlreadyClosed} already closed",
                    outcome.Period, environment, outcome.Closed, outcome.AlreadyClosed);
                made += outcome.Closed;
            }
        }
        return made;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.JobInterval, clock);
        do
        {
            try
            {
                await CloseDueMonthsAsync(stoppingToken);
                await payouts.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Settlement jobs failed; they run again in {Interval}", options.Value.JobInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

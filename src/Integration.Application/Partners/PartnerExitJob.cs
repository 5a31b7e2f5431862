using Microsoft.Extensions.Options;

namespace Integration.Application.Partners;

/// <summary>Ends exits whose buffer is over, hourly, on every instance (<see cref="PartnerExits.EndDueExitsAsync"/> is safe to run twice).</summary>
public sealed class PartnerExitJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PartnerExitOptions> options, ILogger<PartnerExitJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var ended = await scope.ServiceProvider.GetRequiredService<PartnerExits>().EndDueExitsAsync(stoppingToken);
                if (ended > 0)
                {
                    logger.LogInformation("Terminated {Count} partners whose exit buffer ended", ended);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Ending exits failed; it runs again in {Interval}", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

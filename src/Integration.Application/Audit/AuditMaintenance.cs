using Microsoft.Extensions.Options;

namespace Integration.Application.Audit;

/// <summary>Every <c>Audit:CheckpointInterval</c>: a checkpoint when the chain has grown, then pruning when retention is on.</summary>
public sealed class AuditMaintenance(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditMaintenance> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckpointInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().CheckpointAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<AuditPruning>().PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Audit checkpoint or pruning failed; it runs again in {Interval}", interval);
            }
        }
    }
}

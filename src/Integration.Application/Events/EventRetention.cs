using Integration.Core.Events;
using Integration.Application.RequestLog;
using Integration.Core.Webhooks;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Events;

/// <summary>Deletes events, webhook delivery logs and the request log older than 30 days, hourly.</summary>
public sealed class EventRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EventRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var cutoff = clock.GetUtcNow() - Kept;
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var events = await db.Visible<PartnerEvent>().Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Visible<WebhookDelivery>().Where(d => d.AttemptedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await PartnerRequestLog.PruneAsync(db, cutoff, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                logger.LogInformation("Pruned {Count} events older than {Days} days", await PruneAsync(stoppingToken), Kept.TotalDays);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pruning events failed; it runs again in an hour");
            }
        }
    }
}

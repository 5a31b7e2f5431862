using Integration.Application.Events;
using Integration.Application.Hosting;
using Integration.Application.Observability;
using Integration.Core.Common;
using Integration.Core.Events;
using Integration.Core.Webhooks;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Webhooks;

/// <summary>
/// Delivers events to subscriptions, at least once, in sequence order per subscription. A
/// subscription is worked on under a lease (a row update that only one instance wins); every write
/// of the outcome checks the lease is still held, so an instance that lost it (crashed and came
/// back, or was overtaken by a replay) stops instead of overwriting. A crashed instance's lease
/// runs out and another picks the work up from the last recorded position.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookSender sender, WebhookPayloads payloads, IOptions<WebhookOptions> options, TimeProvider clock,
    DatabaseOutage outage, PlatformMetrics metrics, ILogger<WebhookDispatcher> logger)
{
    private const int MaxSubscriptionsPerRun = 512;

    public string InstanceId { get; } = Ids.New("dispatcher", 12);

    /// <summary>Delivers everything due now. Returns the number of delivery attempts made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await DueSubscriptionsAsync(cancellationToken);
        var attempts = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                try
                {
                    if (await TryLeaseAsync(id, token))
                    {
                        Interlocked.Add(ref attempts, await DeliverAsync(id, token));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One subscription's trouble must not stall the others; its lease runs out and it is retried.
                    if (outage.Note(e) == DbFailure.None)
                    {
                        logger.LogError(e, "Delivering to webhook subscription {SubscriptionId} failed", id);
                    }
                }
            });
        return attempts;
    }

    private async Task<List<string>> DueSubscriptionsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = clock.GetUtcNow();
        return await db.Visible<WebhookSubscription>()
            .Where(s => s.Status == WebhookStatus.Enabled && s.NextAttemptAt <= now && (s.LeaseUntil == null || s.LeaseUntil < now))
            .Where(s => db.EventStreams.Any(stream => stream.PartnerId == s.PartnerId && stream.Environment == s.Environment && stream.LastSequence > s.Position))
            .OrderBy(s => s.NextAttemptAt)
            .Select(s => s.Id)
            .Take(MaxSubscriptionsPerRun)
            .ToListAsync(cancellationToken);
    }

    private async Task<bool> TryLeaseAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.Lease;
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var won = await db.Visible<WebhookSubscription>()
            .Where(s => s.Id == id && s.Status == WebhookStatus.Enabled && (s.LeaseUntil == null || s.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseOwner, InstanceId).SetProperty(s => s.LeaseUntil, leaseUntil), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return won == 1;
    }

    private async Task<int> DeliverAsync(string id, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var budget = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            var subscription = await db.Visible<WebhookSubscription>().AsNoTracking()
                .FirstOrDefaultAsync(s => s.Id == id && s.LeaseOwner == InstanceId, cancellationToken);
            if (subscription is null)
            {
                return attempts; // deleted, or changed by its partner meanwhile (which takes the lease)
            }
            var batch = await db.Visible<PartnerEvent>().AsNoTracking()
                .Where(e => e.PartnerId == subscription.PartnerId && e.Environment == subscription.Environment && e.Sequence > subscription.Position)
                .OrderBy(e => e.Sequence)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);

            var log = new List<WebhookDelivery>();
            var stop = batch.Count == 0;
            foreach (var next in batch)
            {
                if (!subscription.Receives(next.Type))
                {
                    subscription.Position = next.Sequence;
                    continue;
                }
                var attempt = await sender.SendAsync(subscription, next.Id, payloads.Of(next), cancellationToken);
                attempts++;
                var now = clock.GetUtcNow();
                log.Add(WebhookDeliveries.Record(subscription, next, subscription.FailedAttempts + 1, attempt, now));
                metrics.WebhookDelivered(subscription.Environment, attempt.Succeeded, now - next.OccurredAt);
                if (attempt.Succeeded)
                {
                    subscription.Position = next.Sequence;
                    subscription.FailedAttempts = 0;
                    subscription.FailingSince = null;
                    subscription.NextAttemptAt = now;
                }
                else
                {
                    Failed(subscription, attempt, now);
                    stop = true;
                    break;
                }
                if (budget.Elapsed > options.Value.Lease / 2)
                {
                    break; // record progress and renew the lease before going on
                }
            }
            if (!await SaveAsync(db, scope.ServiceProvider.GetRequiredService<EventLog>(), subscription, log, release: stop, cancellationToken))
            {
                return attempts;
            }
            if (stop)
            {
                return attempts;
            }
            budget.Restart();
        }
    }

    private static void Failed(WebhookSubscription subscription, DeliveryAttempt attempt, DateTimeOffset now)
    {
        subscription.FailedAttempts++;
        subscription.FailingSince ??= now;
        var schedule = WebhookOptions.ScheduleFor(subscription.Environment);
        if (schedule.GivesUp(subscription.FailingSince.Value, now))
        {
            subscription.Status = WebhookStatus.Disabled;
            subscription.DisabledReason =
                $"Every delivery failed from {subscription.FailingSince.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z for {schedule.Window.TotalHours:0.##} hours; last error: {attempt.Error}";
            if (subscription.DisabledReason.Length > 500)
            {
                subscription.DisabledReason = subscription.DisabledReason[..500];
            }
        }
        else
        {
            subscription.NextAttemptAt = now + schedule.DelayAfter(subscription.FailedAttempts);
        }
    }

    /// <summary>Writes the outcome and the delivery log together, if this instance still holds the lease.</summary>
    private async Task<bool> SaveAsync(
        IntegrationDbContext db, EventLog events, WebhookSubscription subscription, List<WebhookDelivery> log, bool release, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var leaseUntil = release ? (DateTimeOffset?)null : now + options.Value.Lease;
        var owner = release ? null : InstanceId;
        var held = await db.Visible<WebhookSubscription>()
            .Where(s => s.Id == subscription.Id && s.LeaseOwner == InstanceId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Position, subscription.Position)
                .SetProperty(s => s.FailedAttempts, subscription.FailedAttempts)
                .SetProperty(s => s.FailingSince, subscription.FailingSince)
                .SetProperty(s => s.NextAttemptAt, subscription.NextAttemptAt)
                .SetProperty(s => s.Status, subscription.Status)
                .SetProperty(s => s.DisabledReason, subscription.DisabledReason)
                .SetProperty(s => s.UpdatedAt, now)
                .SetProperty(s => s.LeaseOwner, owner)
                .SetProperty(s => s.LeaseUntil, leaseUntil), cancellationToken);
        if (held != 1)
        {
            return false; // rolled back: the log of this batch is dropped with it; the new owner delivers again
        }
        db.WebhookDeliveries.AddRange(log);
        if (subscription.Status == WebhookStatus.Disabled)
        {
            events.Append(subscription.PartnerId, subscription.Environment, EventTypes.WebhookDisabled, subscription.Id, new
            {
                subscriptionId = subscription.Id, url = subscription.Url, reason = subscription.DisabledReason, resumeFromSequence = subscription.Position + 1,
            }, now);
            logger.LogWarning("Webhook subscription {SubscriptionId} of partner {PartnerId} disabled after failing for the whole retry window",
                subscription.Id, subscription.PartnerId);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>Runs the dispatcher: woken by commits of any instance (<see cref="WebhookWakeUp"/>), and polling for the rest.</summary>
public sealed class WebhookDispatchService(
    WebhookDispatcher dispatcher, WebhookWakeUp wakeUp, IOptions<WebhookOptions> options, DatabaseOutage outage, ILogger<WebhookDispatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatchInBackground)
        {
            return;
        }
        using var wake = new SemaphoreSlim(0, 1);
        void OnCommitted()
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // already woken
            }
            catch (ObjectDisposedException)
            {
                // stopping
            }
        }
        wakeUp.OnWake(OnCommitted);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await dispatcher.RunOnceAsync(stoppingToken) > 0)
                    {
                        continue;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (outage.Note(e) == DbFailure.None) // a database outage is logged once, not every poll
                    {
                        logger.LogError(e, "Webhook dispatch failed; retrying after the poll interval");
                    }
                }
                await wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

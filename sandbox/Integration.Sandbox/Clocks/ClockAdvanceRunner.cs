using System.Text.Json;
using Integration.Application.Hosting;
using Integration.Core.Common;
using Integration.Core.Sandbox;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Hosting;

namespace Integration.Sandbox.Clocks;

/// <summary>
/// Runs asynchronous clock advances on whichever instance leases them first. The lease is renewed
/// while the advance runs, with its progress; an instance that dies stops renewing, and when the lease
/// runs out another one (or the same one restarted) runs what is still due. Running it again does
/// nothing twice (<see cref="SandboxTimeMachine.RunDueAsync"/>).
/// </summary>
public sealed class ClockAdvanceRunner(
    IServiceScopeFactory scopes, TimeProvider platform, IOptions<SandboxOptions> options, DatabaseOutage outage, ILogger<ClockAdvanceRunner> logger)
    : BackgroundService
{
    public static readonly JsonSerializerOptions OutcomeJson = JsonSerializerOptions.Web;

    public string InstanceId { get; } = Ids.New("advancer", 12);

    private TimeSpan Lease => options.Value.Clock.AdvanceLease;

    /// <summary>Runs every advance it can lease, to its end; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        while (await LeaseNextAsync(cancellationToken) is { } advance)
        {
            await RunAsync(advance, cancellationToken);
            ran++;
        }
        return ran;
    }

    private async Task<ClockAdvance?> LeaseNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = platform.UtcNow();
        var candidates = await db.ClockAdvances.AsNoTracking()
            .Where(a => a.Status == ClockAdvanceStatus.Advancing && (a.LeaseUntil == null || a.LeaseUntil < now))
            .OrderBy(a => a.CreatedAt).Select(a => a.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
            var won = await db.ClockAdvances
                .Where(a => a.Id == id && a.Status == ClockAdvanceStatus.Advancing && (a.LeaseUntil == null || a.LeaseUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.LeaseOwner, InstanceId).SetProperty(a => a.LeaseUntil, now + Lease)
                    .SetProperty(a => a.Attempts, a => a.Attempts + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (won != 1)
            {
                continue;
            }
            var advance = await db.ClockAdvances.AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken);
            if (advance.Attempts <= ClockAdvance.MaxAttempts)
            {
                return advance;
            }
            await FinishAsync(advance, ClockAdvanceStatus.Failed, null, "advance_interrupted",
                $"The advance was interrupted {ClockAdvance.MaxAttempts} times and was given up. The clock has moved; advancing again runs what is still due.",
                null, cancellationToken);
        }
        return null;
    }

    private async Task RunAsync(ClockAdvance advance, CancellationToken cancellationToken)
    {
        using var leaseHeld = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewWhileRunningAsync(advance, leaseHeld, stopRenewing.Token);
        try
        {
            AdvanceOutcome outcome;
            await using (var scope = scopes.CreateAsyncScope())
            {
                // As the partner's own request would: its sandbox tenant, on its sandbox clock.
                var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
                db.ScopeTo(advance.PartnerId, ApiEnvironment.Sandbox);
                var offset = await db.SandboxWorlds.AsNoTracking().Where(w => w.PartnerId == advance.PartnerId).Select(w => w.ClockOffset).FirstAsync(leaseHeld.Token);
                scope.ServiceProvider.GetRequiredService<BusinessClock>().RunAhead(offset);
                // Records its progress as it goes, counting on from what an interrupted run recorded (ClockAdvance.RanSoFar).
                outcome = await scope.ServiceProvider.GetRequiredService<SandboxTimeMachine>()
                    .RunDueAsync(advance.PartnerId, new ClockMove(advance.From, advance.To), advance, leaseHeld.Token);
            }
            await stopRenewing.CancelAsync();
            await renewing;
            await FinishAsync(advance, ClockAdvanceStatus.Ready, JsonSerializer.Serialize(outcome, OutcomeJson), null, null,
                (outcome.OrdersConfirmed + outcome.OrdersShipped + outcome.OrdersDelivered, outcome.OrdersHeldBack.Count), cancellationToken);
        }
        catch (OperationCanceledException) when (leaseHeld.IsCancellationRequested)
        {
            // Lost the lease, or this instance is stopping: whoever takes the advance next finishes it.
        }
        catch (ClockAdvanceTakenOver)
        {
            logger.LogWarning("Sandbox clock advance {AdvanceId}: taken over by another instance; stopping here", advance.Id);
        }
        catch (Exception e) when (outage.Note(e) != DbFailure.None)
        {
            // The database went away: the lease runs out and the advance is taken again.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Sandbox clock advance {AdvanceId} of {PartnerId} failed", advance.Id, advance.PartnerId);
            var detail = e is DomainException refusal
                ? $"{refusal.Code}: {refusal.Message}"
                : "The advance stopped at an error on our side. The clock has moved; advancing again runs what is still due. Quote the advance id if you contact support.";
            await FinishAsync(advance, ClockAdvanceStatus.Failed, null, "advance_failed", detail, null, CancellationToken.None);
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewing;
        }
    }

    // Renews the lease every third of the lease; a renewal that finds the lease gone (taken over after this
    // instance stalled) stops the run. The progress is recorded by the run itself, with each batch.
    private async Task RenewWhileRunningAsync(ClockAdvance advance, CancellationTokenSource leaseHeld, CancellationToken stop)
    {
        var every = Lease / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, platform, stop);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
                var now = platform.UtcNow();
                await using var transaction = await db.BeginUnitOfWorkAsync(stop);
                var renewed = await db.ClockAdvances
                    .Where(a => a.Id == advance.Id && a.LeaseOwner == InstanceId && a.Status == ClockAdvanceStatus.Advancing)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.LeaseUntil, now + Lease), stop);
                await transaction.CommitAsync(stop);
                if (renewed == 0)
                {
                    logger.LogWarning("Sandbox clock advance {AdvanceId}: lease lost to another instance; stopping here", advance.Id);
                    await leaseHeld.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Renewal failed once (the database is away): the next one tries again before the lease runs out.
                logger.LogWarning(e, "Sandbox clock advance {AdvanceId}: renewing its lease failed", advance.Id);
            }
        }
    }

    // Without a final count (a failure), the progress the run recorded last stays.
    private async Task FinishAsync(ClockAdvance advance, ClockAdvanceStatus status, string? outcome, string? failureCode, string? failureDetail,
        (int Done, int HeldBack)? final, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = platform.UtcNow();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await db.ClockAdvances.Where(a => a.Id == advance.Id && a.LeaseOwner == InstanceId && a.Status == ClockAdvanceStatus.Advancing)
            .ExecuteUpdateAsync(u =>
            {
                u.SetProperty(a => a.Status, status).SetProperty(a => a.Outcome, outcome)
                    .SetProperty(a => a.FailureCode, failureCode).SetProperty(a => a.FailureDetail, failureDetail)
                    .SetProperty(a => a.CompletedAt, now).SetProperty(a => a.LeaseOwner, (string?)null).SetProperty(a => a.LeaseUntil, (DateTimeOffset?)null);
                if (final is var (done, heldBack))
                {
                    u.SetProperty(a => a.OrderStepsDone, done).SetProperty(a => a.OrdersHeldBack, heldBack);
                }
            }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Clock.RunAdvancesInBackground ? EverySecond.RunAsync(token => RunOnceAsync(token), outage, logger, "sandbox clock advances", stoppingToken) : Task.CompletedTask;
}

using Integration.Application.Environments;
using Integration.Application.Events;
using Integration.Core.Common;
using Integration.Core.Reminders;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Reminders;

/// <summary>
/// Asks every <see cref="IReminderSource"/> what is due for each partner, on the clock of the partner's environment,
/// and queues what is not queued yet (one reminder per subject, kind and due date; done ones stay done). Partner-facing
/// kinds raise an event in the same transaction. One instance at a time runs it, under a database lease.
/// </summary>
public sealed class ReminderJob(
    IServiceScopeFactory scopes, IEnumerable<IReminderSource> sources, TimeProvider platform, IOptions<ReminderOptions> options, ILogger<ReminderJob> logger)
    : BackgroundService
{
    public const string JobName = "reminders";
    private readonly string _instance = Ids.New("inst", 12);

    /// <summary>Runs the job once if no other instance holds its lease; returns the reminders it queued, or null when another instance runs it.</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await TryLeaseAsync(cancellationToken))
        {
            return null;
        }
        try
        {
            var queued = 0;
            foreach (var environment in Enum.GetValues<ApiEnvironment>())
            {
                foreach (var partnerId in await PartnersAsync(environment, cancellationToken))
                {
                    queued += await QueueForPartnerAsync(partnerId, environment, cancellationToken);
                }
            }
            return queued;
        }
        finally
        {
            await ReleaseLeaseAsync(CancellationToken.None);
        }
    }

    private async Task<List<string>> PartnersAsync(ApiEnvironment environment, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var partners = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>().Partners.AsNoTracking();
        // Seeded sandbox peers exist only in their owner's sandbox.
        if (environment == ApiEnvironment.Live)
        {
            partners = partners.Where(p => p.SandboxOwnerId == null);
        }
        return await partners.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    private async Task<int> QueueForPartnerAsync(string partnerId, ApiEnvironment environment, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<BusinessClock>();
        try
        {
            await scope.ServiceProvider.GetRequiredService<EnvironmentClocks>().FollowPartnerAsync(clock, db, partnerId, environment, cancellationToken);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Conflict)
        {
            return 0; // its sandbox clock is advancing: the next run looks again
        }
        var now = clock.UtcNow();
        var reminderScope = new ReminderScope(db, partnerId, environment, now);
        var due = new List<DueReminder>();
        foreach (var source in sources)
        {
            due.AddRange(await source.DueAsync(reminderScope, cancellationToken));
        }
        if (due.Count == 0)
        {
            return 0;
        }
        var subjects = due.Select(d => d.SubjectId).Distinct().ToList();
        var known = (await db.Visible<Reminder>().AsNoTracking().Where(r => r.Environment == environment && subjects.Contains(r.SubjectId))
                .Select(r => new { r.SubjectId, r.Kind, r.DueAt }).ToListAsync(cancellationToken))
            .Select(r => (r.SubjectId, r.Kind, r.DueAt)).ToHashSet();
        var fresh = due.DistinctBy(d => (d.SubjectId, d.Kind, d.DueAt)).Where(d => !known.Contains((d.SubjectId, d.Kind, d.DueAt))).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var events = scope.ServiceProvider.GetRequiredService<EventLog>();
        foreach (var reminder in fresh.Select(d => Reminder.From(d, now)))
        {
            db.Reminders.Add(reminder);
            if (ReminderEvents.TypeOf(reminder.Kind) is { } type)
            {
                events.Append(reminder.PartnerId, reminder.Environment, type, reminder.SubjectId, new
                {
                    reminderId = reminder.Id, subject = SnakeCase.Of(reminder.Subject), subjectId = reminder.SubjectId, dueAt = reminder.DueAt, summary = reminder.Summary,
                }, now);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("ux_reminders_subject_kind_due", "reminders.SubjectId, reminders.Kind, reminders.DueAt, reminders.Environment"))
        {
            // Queued meanwhile by an instance whose lease ran out: what it queued stands.
            return 0;
        }
        await transaction.CommitAsync(cancellationToken);
        return fresh.Count;
    }

    private async Task<bool> TryLeaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        // The lease runs on real time: it bounds how long a run may take, whatever the business clock says.
        var now = platform.GetUtcNow();
        var until = now + options.Value.Lease;
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var taken = await db.JobLeases.Where(l => l.Job == JobName && (l.LeaseUntil == null || l.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LeaseOwner, _instance).SetProperty(l => l.LeaseUntil, until), cancellationToken);
        if (taken == 0)
        {
            if (await db.JobLeases.AnyAsync(l => l.Job == JobName, cancellationToken))
            {
                return false;
            }
            db.JobLeases.Add(new JobLease { Job = JobName, LeaseOwner = _instance, LeaseUntil = until });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return false; // another instance made the lease first
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task ReleaseLeaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await db.JobLeases.Where(l => l.Job == JobName && l.LeaseOwner == _instance)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LeaseOwner, (string?)null).SetProperty(l => l.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval, platform);
        do
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) is { } queued && queued > 0)
                {
                    logger.LogInformation("Queued {Count} reminders", queued);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The reminders job failed; it runs again in {Interval}", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

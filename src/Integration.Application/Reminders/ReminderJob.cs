using Integration.Application.Events;
using Integration.Application.Hosting;
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
    IServiceScopeFactory scopes, JobLeases leases, IEnumerable<IReminderSource> sources, TimeProvider platform, IOptions<ReminderOptions> options,
    ILogger<ReminderJob> logger)
    : PartnerJob(scopes, leases, platform, logger)
{
    public const string Name = "reminders";

    protected override string JobName => Name;

    protected override JobSchedule Schedule => new(options.Value.RunInBackground, options.Value.Interval, options.Value.Lease);

    protected override async Task<int> RunForPartnerAsync(PartnerWork work, CancellationToken cancellationToken)
    {
        var (db, partnerId, environment, now) = (work.Db, work.PartnerId, work.Environment, work.Now);
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
        var events = work.Services.GetRequiredService<EventLog>();
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
}

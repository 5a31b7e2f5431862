using Integration.Application.Audit;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Reminders;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Reminders;

/// <summary>The internal teams' reminders queue: soonest due first, and marking one done.</summary>
public sealed class ReminderDesk(IntegrationDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<Reminder>> ListAsync(ReminderFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Visible<Reminder>().AsNoTracking();
        if (filter.Kind is { } kind) query = query.Where(r => r.Kind == kind);
        if (filter.PartnerId is { } partnerId) query = query.Where(r => r.PartnerId == partnerId);
        if (filter.State is { } state) query = query.Where(r => r.State == state);
        if (filter.DueBefore is { } before) query = query.Where(r => r.DueAt < before);
        if (page.Cursor is not null)
        {
            var (dueAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(r => r.DueAt >= dueAt && (r.DueAt > dueAt || string.Compare(r.Id, id) > 0));
        }
        return await query.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(Reminder reminder) => Cursor.Encode(reminder.DueAt, reminder.Id);

    /// <summary>Marks a reminder done; the job never queues it again. Marking it again answers as the first time did.</summary>
    public async Task<Reminder> MarkDoneAsync(string id, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var reminder = await db.Visible<Reminder>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw DomainException.NotFound("reminder", id);
        if (reminder.State == ReminderState.Done)
        {
            return reminder;
        }
        reminder.MarkDone(actor, clock.UtcNow());
        await audit.AppendAsync(new AuditRecord(actor, "reminder.done", reminder.Id, Details: new { kind = SnakeCase.Of(reminder.Kind), reminder.SubjectId }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reminder;
    }
}

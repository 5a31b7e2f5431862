using Integration.Core.Disputes;
using Integration.Core.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Reminders;

/// <summary>Open level-1 disputes with 12 hours or less before their SLA deadline, and those past it.</summary>
public sealed class DisputeSlaReminders : IReminderSource
{
    public async Task<IReadOnlyList<DueReminder>> DueAsync(ReminderScope scope, CancellationToken cancellationToken)
    {
        var atRiskFrom = scope.Now + ReminderNotice.DisputeSlaAtRisk;
        var disputes = await scope.Db.Visible<Dispute>().AsNoTracking()
            .Where(d => d.PartnerId == scope.PartnerId && d.Environment == scope.Environment && d.Status == DisputeStatus.Open)
            .Where(d => d.SlaDeadline != null && d.SlaDeadline <= atRiskFrom)
            .Select(d => new { d.Id, Deadline = d.SlaDeadline!.Value })
            .ToListAsync(cancellationToken);
        return [.. disputes.Select(d => scope.Now >= d.Deadline
            ? new DueReminder(ReminderKind.DisputeSlaBreached, ReminderSubject.Dispute, d.Id, scope.PartnerId, scope.Environment, d.Deadline,
                $"Level-1 dispute {d.Id} passed its SLA deadline {d.Deadline:yyyy-MM-dd HH:mm} UTC unresolved.")
            : new DueReminder(ReminderKind.DisputeSlaAtRisk, ReminderSubject.Dispute, d.Id, scope.PartnerId, scope.Environment, d.Deadline,
                $"Level-1 dispute {d.Id} must be resolved by {d.Deadline:yyyy-MM-dd HH:mm} UTC."))];
    }
}

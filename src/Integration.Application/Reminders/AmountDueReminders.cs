using Integration.Core.Common;
using Integration.Core.Reminders;
using Integration.Core.Settlement;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Reminders;

/// <summary>Closed statements with an amount due from the partner: due within 7 days, overdue, and a rating review for an overdue amount.</summary>
public sealed class AmountDueReminders : IReminderSource
{
    public async Task<IReadOnlyList<DueReminder>> DueAsync(ReminderScope scope, CancellationToken cancellationToken)
    {
        var noticeFrom = scope.Today.AddDays(ReminderNotice.AmountDueDays);
        var statements = await scope.Db.Visible<Statement>().AsNoTracking()
            .Where(s => s.PartnerId == scope.PartnerId && s.Environment == scope.Environment && s.Status == StatementStatus.Closed)
            .Where(s => s.Balance < 0 && s.DueDate != null && s.DueDate <= noticeFrom)
            .Select(s => new { s.Id, s.Period, s.Balance, s.AmountReceived, DueDate = s.DueDate!.Value, s.Currency })
            .ToListAsync(cancellationToken);
        var due = new List<DueReminder>();
        foreach (var s in statements)
        {
            var outstanding = Money.Format(-s.Balance - s.AmountReceived);
            var dueAt = new DateTimeOffset(s.DueDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (scope.Today <= s.DueDate)
            {
                due.Add(new DueReminder(ReminderKind.AmountDueSoon, ReminderSubject.Statement, s.Id, scope.PartnerId, scope.Environment, dueAt,
                    $"{outstanding} {s.Currency} of statement {s.Period} is due on {s.DueDate:yyyy-MM-dd}."));
                continue;
            }
            due.Add(new DueReminder(ReminderKind.AmountOverdue, ReminderSubject.Statement, s.Id, scope.PartnerId, scope.Environment, dueAt,
                $"{outstanding} {s.Currency} of statement {s.Period} was due on {s.DueDate:yyyy-MM-dd} and is not paid."));
            due.Add(new DueReminder(ReminderKind.RatingReviewSuggested, ReminderSubject.Partner, scope.PartnerId, scope.PartnerId, scope.Environment, dueAt,
                $"Statement {s.Period} is overdue: review the partner's credit rating."));
        }
        return due;
    }
}

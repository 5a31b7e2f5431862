using Integration.Core.Common;

namespace Integration.Core.Reminders;

/// <summary>A reminder a source says is due now; the queue keeps one per (subject, kind, due date).</summary>
public sealed record DueReminder(
    ReminderKind Kind, ReminderSubject Subject, string SubjectId, string PartnerId, ApiEnvironment Environment, DateTimeOffset DueAt, string Summary);

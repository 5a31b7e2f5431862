using Integration.Core.Common;
using Integration.Core.Reminders;

namespace Integration.Application.Reminders;

/// <summary>An item on the internal reminders queue: what it is about, for which partner, when it falls due, and whether someone dealt with it.</summary>
public sealed record ReminderResponse(
    string Id, ReminderKind Kind, ReminderSubject Subject, string SubjectId, string PartnerId, ApiEnvironment Environment, DateTimeOffset DueAt,
    string Summary, ReminderState State, DateTimeOffset CreatedAt, DateTimeOffset? DoneAt, string? DoneBy)
{
    public static ReminderResponse Of(Reminder r) => new(
        r.Id, r.Kind, r.Subject, r.SubjectId, r.PartnerId, r.Environment, r.DueAt, r.Summary, r.State, r.CreatedAt, r.DoneAt, r.DoneBy);
}

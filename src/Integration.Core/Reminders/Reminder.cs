using Integration.Core.Common;

namespace Integration.Core.Reminders;

/// <summary>An item on the internal teams' reminders queue (issue 22 part 6). One per (subject, kind, due date) in each environment.</summary>
public sealed class Reminder : IPartnerOwned
{
    public required string Id { get; init; }
    public ReminderKind Kind { get; init; }
    public ReminderSubject Subject { get; init; }
    public required string SubjectId { get; init; }
    public required string PartnerId { get; init; }
    public ApiEnvironment Environment { get; init; }

    /// <summary>When the thing reminded of falls due (a due date at 00:00 UTC, an SLA deadline, the end of an exit buffer).</summary>
    public DateTimeOffset DueAt { get; init; }
    public required string Summary { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public ReminderState State { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneBy { get; private set; }

    public static Reminder From(DueReminder due, DateTimeOffset now) => new()
    {
        Id = Ids.New("rem"), Kind = due.Kind, Subject = due.Subject, SubjectId = due.SubjectId, PartnerId = due.PartnerId,
        Environment = due.Environment, DueAt = due.DueAt, Summary = due.Summary, CreatedAt = now, State = ReminderState.Open,
    };

    /// <summary>Marks the reminder done; marking a done reminder again changes nothing.</summary>
    public void MarkDone(string actor, DateTimeOffset now)
    {
        if (State == ReminderState.Done)
        {
            return;
        }
        State = ReminderState.Done;
        DoneAt = now;
        DoneBy = actor;
    }
}

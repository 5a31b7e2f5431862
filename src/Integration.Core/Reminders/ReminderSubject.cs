namespace Integration.Core.Reminders;

/// <summary>The kind of thing a reminder is about; its id is the reminder's <c>SubjectId</c>.</summary>
public enum ReminderSubject
{
    Partner,
    Statement,
    Dispute,
    Agreement,
    Document,
}

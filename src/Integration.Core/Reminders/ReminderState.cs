namespace Integration.Core.Reminders;

public enum ReminderState
{
    Open,

    /// <summary>An internal team dealt with it; the job never reopens it.</summary>
    Done,
}

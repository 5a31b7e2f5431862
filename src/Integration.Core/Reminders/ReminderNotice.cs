namespace Integration.Core.Reminders;

/// <summary>How long before a date the reminders of issue 22 part 6 come up.</summary>
public static class ReminderNotice
{
    public const int AmountDueDays = 7;
    public static readonly TimeSpan AmountDue = TimeSpan.FromDays(AmountDueDays);
    public static readonly TimeSpan DisputeSlaAtRisk = TimeSpan.FromHours(12);
    public const int ExitBufferEndingDays = 30;
    public static readonly TimeSpan ExitBufferEnding = TimeSpan.FromDays(ExitBufferEndingDays);
    public const int AgreementExpiringDays = 90;
    public const int AgreementFinalNoticeDays = 30;

    /// <summary>As the review's licence criterion: a licence must stay valid at least 90 more days.</summary>
    public const int DocumentExpiringDays = 90;
}

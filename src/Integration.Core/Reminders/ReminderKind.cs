namespace Integration.Core.Reminders;

/// <summary>What an internal team is reminded of.</summary>
public enum ReminderKind
{
    /// <summary>A statement's amount due from the partner falls due within <see cref="ReminderNotice.AmountDue"/>.</summary>
    AmountDueSoon,

    /// <summary>A statement's amount due is past its due date and not fully paid.</summary>
    AmountOverdue,

    /// <summary>The partner has an overdue amount: review its credit rating.</summary>
    RatingReviewSuggested,

    /// <summary>An open level-1 dispute has at most <see cref="ReminderNotice.DisputeSlaAtRisk"/> left before its SLA deadline.</summary>
    DisputeSlaAtRisk,

    /// <summary>An open level-1 dispute is past its SLA deadline.</summary>
    DisputeSlaBreached,

    /// <summary>An exiting partner's buffer ends within <see cref="ReminderNotice.ExitBufferEnding"/>.</summary>
    ExitBufferEnding,

    /// <summary>The partner's signed agreement ends within <see cref="ReminderNotice.AgreementExpiringDays"/> days.</summary>
    AgreementExpiring,

    /// <summary>The partner's signed agreement ends within <see cref="ReminderNotice.AgreementFinalNoticeDays"/> days.</summary>
    AgreementExpiringFinalNotice,

    /// <summary>A qualification document (e.g. the business licence) expires within <see cref="ReminderNotice.DocumentExpiringDays"/> days.</summary>
    DocumentExpiring,
}

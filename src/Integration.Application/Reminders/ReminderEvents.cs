using Integration.Core.Events;
using Integration.Core.Reminders;

namespace Integration.Application.Reminders;

/// <summary>The reminder kinds partners hear about too, as events (and webhooks) of these types.</summary>
public static class ReminderEvents
{
    public static string? TypeOf(ReminderKind kind) => kind switch
    {
        ReminderKind.AmountDueSoon => EventTypes.AmountDueSoon,
        ReminderKind.AmountOverdue => EventTypes.AmountOverdue,
        ReminderKind.ExitBufferEnding => EventTypes.ExitBufferEnding,
        ReminderKind.AgreementExpiring or ReminderKind.AgreementExpiringFinalNotice => EventTypes.AgreementExpiring,
        ReminderKind.DocumentExpiring => EventTypes.DocumentExpiring,
        _ => null,
    };
}

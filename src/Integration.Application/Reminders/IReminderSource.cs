using Integration.Core.Reminders;

namespace Integration.Application.Reminders;

/// <summary>
/// One source of reminders (amounts due, dispute SLAs, exit buffers; agreement and document expiry to come).
/// It says what is due for a partner now; the queue makes each one once, however often it asks. Register an
/// implementation with <c>services.AddSingleton&lt;IReminderSource, …&gt;()</c>.
/// </summary>
public interface IReminderSource
{
    Task<IReadOnlyList<DueReminder>> DueAsync(ReminderScope scope, CancellationToken cancellationToken);
}

using Integration.Core.Common;
using Integration.Core.Partners;
using Integration.Core.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Reminders;

/// <summary>An exiting partner whose three-month buffer ends within 30 days (live only: the buffer is the partner's, not a sandbox's).</summary>
public sealed class ExitBufferReminders : IReminderSource
{
    public async Task<IReadOnlyList<DueReminder>> DueAsync(ReminderScope scope, CancellationToken cancellationToken)
    {
        if (scope.Environment != ApiEnvironment.Live)
        {
            return [];
        }
        var partner = await scope.Db.Partners.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == scope.PartnerId && p.Status == PartnerStatus.Exiting, cancellationToken);
        if (partner?.ExitBufferEndsOn is not { } endsOn || scope.Today < endsOn.AddDays(-ReminderNotice.ExitBufferEndingDays) || scope.Today > endsOn)
        {
            return [];
        }
        return [new DueReminder(ReminderKind.ExitBufferEnding, ReminderSubject.Partner, scope.PartnerId, scope.PartnerId, scope.Environment,
            new DateTimeOffset(endsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            $"The partner's exit buffer ends on {endsOn:yyyy-MM-dd}: existing business must be wound up by then.")];
    }
}

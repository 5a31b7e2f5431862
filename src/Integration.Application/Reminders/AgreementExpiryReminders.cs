using Integration.Core.Agreements;
using Integration.Core.Common;
using Integration.Core.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Reminders;

/// <summary>The partner's signed agreement ends within 90 days, and again within 30 (live only: the agreement is the partner's, not a sandbox's).</summary>
public sealed class AgreementExpiryReminders : IReminderSource
{
    public async Task<IReadOnlyList<DueReminder>> DueAsync(ReminderScope scope, CancellationToken cancellationToken)
    {
        if (scope.Environment != ApiEnvironment.Live)
        {
            return [];
        }
        var signed = await scope.Db.AgreementVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.PartnerId == scope.PartnerId && v.Status == AgreementStatus.Signed, cancellationToken);
        if (signed is null || scope.Today > signed.Terms.EffectiveTo)
        {
            return [];
        }
        var endsOn = signed.Terms.EffectiveTo;
        var daysLeft = endsOn.DayNumber - scope.Today.DayNumber;
        var kind = daysLeft <= ReminderNotice.AgreementFinalNoticeDays ? ReminderKind.AgreementExpiringFinalNotice
            : daysLeft <= ReminderNotice.AgreementExpiringDays ? ReminderKind.AgreementExpiring
            : (ReminderKind?)null;
        return kind is null ? [] : [new DueReminder(kind.Value, ReminderSubject.Agreement, signed.Id, scope.PartnerId, scope.Environment,
            new DateTimeOffset(endsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            $"Agreement version {signed.Number} ends on {endsOn:yyyy-MM-dd} ({daysLeft} days left): negotiate the renewal.")];
    }
}

using Integration.Core.Common;
using Integration.Core.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Reminders;

/// <summary>A qualification document of the partner's application (e.g. the business licence) expires within 90 days.</summary>
public sealed class DocumentExpiryReminders : IReminderSource
{
    public async Task<IReadOnlyList<DueReminder>> DueAsync(ReminderScope scope, CancellationToken cancellationToken)
    {
        if (scope.Environment != ApiEnvironment.Live)
        {
            return [];
        }
        var until = scope.Today.AddDays(ReminderNotice.DocumentExpiringDays);
        var expiring = await (
            from document in scope.Db.QualificationDocuments.AsNoTracking()
            join application in scope.Db.PartnerApplications.AsNoTracking() on document.ApplicationId equals application.Id
            where application.PartnerId == scope.PartnerId && document.ExpiresOn != null && document.ExpiresOn >= scope.Today && document.ExpiresOn <= until
            select new { document.Id, document.Kind, document.FileName, ExpiresOn = document.ExpiresOn!.Value })
            .ToListAsync(cancellationToken);
        return [.. expiring.Select(d => new DueReminder(ReminderKind.DocumentExpiring, ReminderSubject.Document, d.Id, scope.PartnerId, scope.Environment,
            new DateTimeOffset(d.ExpiresOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            $"The {SnakeCase.Of(d.Kind).Replace('_', ' ')} '{d.FileName}' expires on {d.ExpiresOn:yyyy-MM-dd}: ask the partner for the renewed one."))];
    }
}

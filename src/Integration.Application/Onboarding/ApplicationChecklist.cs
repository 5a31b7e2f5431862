using Integration.Core.Onboarding;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Onboarding;

/// <summary>Fills the review checklist with what the platform can judge; a reviewer's verdict is never overwritten.</summary>
public static class ApplicationChecklist
{
    public static async Task RefreshAsync(IntegrationDbContext db, PartnerApplication application, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var documents = await db.QualificationDocuments.AsNoTracking().Where(d => d.ApplicationId == application.Id)
            .Select(d => new { d.Kind, d.ExpiresOn, d.UploadedAt }).ToListAsync(cancellationToken);
        var licence = documents.Where(d => d.Kind == DocumentKind.BusinessLicence).MaxBy(d => d.UploadedAt);
        var hasIso = documents.Any(d => d.Kind == DocumentKind.IsoCertificate);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var checklist = new List<ChecklistItem>();
        foreach (var criterion in Enum.GetValues<QualificationCriterion>())
        {
            var existing = application.Checklist.FirstOrDefault(i => i.Criterion == criterion);
            if (existing is { ComputedByPlatform: false })
            {
                checklist.Add(existing);
                continue;
            }
            var (verdict, note) = QualificationChecklist.Compute(criterion, application, licence?.ExpiresOn, licence is not null, hasIso, today);
            checklist.Add(new ChecklistItem { Criterion = criterion, Verdict = verdict, Note = note, DecidedBy = QualificationChecklist.Platform, DecidedAt = now });
        }
        // A new list, so that EF sees the JSON column change.
        application.Checklist = checklist;
    }
}

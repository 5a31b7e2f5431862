using Integration.Application.Audit;
using Integration.Application.Events;
using Integration.Core.Common;
using Integration.Core.Onboarding;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Onboarding;

/// <summary>
/// What agreements and signing need from an application: whether the partner may negotiate, and the moves after the
/// review (negotiating → signed → active), each with its <c>application.status_changed</c> event and audit entry.
/// Each call joins the caller's transaction when one is open (the agreement change and the move commit together).
/// A partner registered directly (not from an application) has none: the moves do nothing for it and return null.
/// </summary>
public sealed class ApplicationProgress(IntegrationDbContext db, EventLog events, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Refuses (409 <c>application_not_approved</c>) unless the partner's application is approved for negotiation or
    /// negotiating. A partner registered by an internal team without an application has nothing to wait for (null).
    /// </summary>
    public async Task<PartnerApplication?> EnsureMayNegotiateAsync(string partnerId, CancellationToken cancellationToken)
    {
        var application = await db.PartnerApplications.AsNoTracking().FirstOrDefaultAsync(a => a.PartnerId == partnerId, cancellationToken);
        if (application is not null and not { Status: ApplicationStatus.ApprovedForNegotiation or ApplicationStatus.Negotiating })
        {
            throw new DomainException(ErrorKind.Conflict, "application_not_approved",
                $"Application {application.Id} is '{SnakeCase.Of(application.Status)}'; agreements are negotiated once it is approved for negotiation.");
        }
        return application;
    }

    /// <summary>The first agreement draft: approved_for_negotiation → negotiating. Already negotiating: nothing changes.</summary>
    public Task<PartnerApplication?> MarkNegotiatingAsync(string partnerId, string actor, CancellationToken cancellationToken) =>
        MoveAsync(partnerId, ApplicationStatus.Negotiating, actor, cancellationToken);

    /// <summary>Both documents signed by both sides: negotiating → signed.</summary>
    public Task<PartnerApplication?> MarkSignedAsync(string partnerId, string actor, CancellationToken cancellationToken) =>
        MoveAsync(partnerId, ApplicationStatus.Signed, actor, cancellationToken);

    /// <summary>The partner went live: signed → active.</summary>
    public Task<PartnerApplication?> MarkActiveAsync(string partnerId, string actor, CancellationToken cancellationToken) =>
        MoveAsync(partnerId, ApplicationStatus.Active, actor, cancellationToken);

    private async Task<PartnerApplication?> MoveAsync(string partnerId, ApplicationStatus target, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var application = await db.PartnerApplications.FirstOrDefaultAsync(a => a.PartnerId == partnerId, cancellationToken);
        if (application is null || application.Status == target)
        {
            return application;
        }
        var now = clock.UtcNow();
        var previous = application.MoveTo(target, now);
        ApplicationEvents.StatusChanged(events, application, previous, now);
        await audit.AppendAsync(new AuditRecord(actor, $"application.{SnakeCase.Of(target)}", application.Id, Details: new { partnerId }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return application;
    }
}

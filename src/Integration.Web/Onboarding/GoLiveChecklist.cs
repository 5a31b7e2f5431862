using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Onboarding;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Web.Onboarding;

/// <summary>
/// The portal's home: sandbox credentials → first call → first order → webhook delivered → application approved → live
/// credentials, each read from what the platform recorded (never ticked by hand). The sandbox steps read through the
/// tenancy filter in the sandbox; the application and the live credential belong to the partner, not to an environment.
/// </summary>
public sealed class GoLiveChecklist(IntegrationDbContext db)
{
    public static readonly string[] Steps = ["sandbox_credentials", "first_call", "first_order", "webhook_delivered", "application_approved", "live_credentials"];

    private static readonly ApplicationStatus[] Approved =
        [ApplicationStatus.ApprovedForNegotiation, ApplicationStatus.Negotiating, ApplicationStatus.Signed, ApplicationStatus.Active];

    public async Task<IReadOnlyList<GoLiveStep>> ReadAsync(string partnerId, CancellationToken cancellationToken)
    {
        var credentials = await db.Credentials.AsNoTracking()
            .Where(c => c.PartnerId == partnerId && c.Kind == CredentialKind.Partner && c.Status == CredentialStatus.Active)
            .Select(c => c.Environment).Distinct().ToListAsync(cancellationToken);
        var sandbox = ApiEnvironment.Sandbox;
        var firstCall = await db.RequestLog.IgnoreQueryFilters().AnyAsync(r => r.PartnerId == partnerId && r.Environment == sandbox, cancellationToken);
        var firstOrder = await db.Orders.IgnoreQueryFilters().AnyAsync(o => o.PartnerId == partnerId && o.Environment == sandbox, cancellationToken);
        var delivered = await db.WebhookDeliveries.IgnoreQueryFilters()
            .AnyAsync(d => d.PartnerId == partnerId && d.Environment == sandbox && d.Succeeded, cancellationToken);
        var approved = await db.PartnerApplications.AsNoTracking().AnyAsync(a => a.PartnerId == partnerId && Approved.Contains(a.Status), cancellationToken);
        bool[] done = [credentials.Contains(sandbox), firstCall, firstOrder, delivered, approved, credentials.Contains(ApiEnvironment.Live)];
        return [.. Steps.Zip(done, (key, isDone) => new GoLiveStep(key, isDone))];
    }
}

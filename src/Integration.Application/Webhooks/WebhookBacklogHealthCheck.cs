using Integration.Application.Hosting;
using Integration.Application.Observability;
using Integration.Core.Events;
using Integration.Core.Webhooks;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Integration.Application.Webhooks;

/// <summary>
/// Webhook delivery as a readiness entry: the events waiting over every enabled subscription, the
/// subscriptions whose receiver is failing (their partner's to fix), and how long the oldest event
/// has waited for a receiver that is not failing — the dispatcher's own lag. "degraded" over
/// <see cref="ReadinessThresholds"/>; never "unhealthy": a backlog is no reason to leave the load balancer.
/// </summary>
public sealed class WebhookBacklogHealthCheck(IntegrationDbContext db, DatabaseOutage outage, TimeProvider clock, IOptions<TelemetryOptions> options)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (outage.IsDown)
        {
            return HealthCheckResult.Degraded("the database is unreachable: the backlog cannot be read");
        }
        var behind =
            from s in db.Visible<WebhookSubscription>().AsNoTracking()
            where s.Status == WebhookStatus.Enabled
            join stream in db.EventStreams.AsNoTracking() on new { s.PartnerId, s.Environment } equals new { stream.PartnerId, stream.Environment }
            where stream.LastSequence > s.Position
            select new
            {
                Waiting = stream.LastSequence - s.Position,
                Failing = s.FailedAttempts > 0,
                Oldest = db.Visible<PartnerEvent>()
                    .Where(e => e.PartnerId == s.PartnerId && e.Environment == s.Environment && e.Sequence > s.Position)
                    .OrderBy(e => e.Sequence).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault(),
            };
        var backlog = await behind.SumAsync(b => (long?)b.Waiting, cancellationToken) ?? 0;
        var failing = await behind.CountAsync(b => b.Failing, cancellationToken);
        var oldest = await behind.Where(b => !b.Failing && b.Oldest != null).OrderBy(b => b.Oldest).Select(b => b.Oldest).FirstOrDefaultAsync(cancellationToken);
        var lag = oldest is { } at ? clock.GetUtcNow() - at : (TimeSpan?)null;

        var thresholds = options.Value.Readiness;
        var data = new Dictionary<string, object>
        {
            ["backlog"] = backlog,
            ["failingSubscriptions"] = failing,
            ["oldestPendingSeconds"] = lag is { } l ? Math.Max(0, Math.Round(l.TotalSeconds, 1)) : 0,
            ["backlogThreshold"] = thresholds.WebhookBacklog,
            ["lagThresholdSeconds"] = thresholds.WebhookLag.TotalSeconds,
        };
        if (backlog > thresholds.WebhookBacklog || lag > thresholds.WebhookLag)
        {
            return HealthCheckResult.Degraded($"{backlog} events waiting; the oldest for a working receiver waits {lag?.TotalSeconds ?? 0:0} s", data: data);
        }
        return HealthCheckResult.Healthy($"{backlog} events waiting", data);
    }
}

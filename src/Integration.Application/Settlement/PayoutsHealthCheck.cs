using Integration.Application.Hosting;
using Integration.Application.Observability;
using Integration.Core.Settlement;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Integration.Application.Settlement;

/// <summary>
/// Payouts whose every attempt failed (<c>needs_attention</c>: someone has to look) as a readiness entry:
/// "degraded" over <see cref="ReadinessThresholds.PayoutsNeedingAttention"/>, never "unhealthy".
/// </summary>
public sealed class PayoutsHealthCheck(IntegrationDbContext db, DatabaseOutage outage, IOptions<TelemetryOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (outage.IsDown)
        {
            return HealthCheckResult.Degraded("the database is unreachable: payouts cannot be read");
        }
        var needingAttention = await db.Visible<Payout>().CountAsync(p => p.Status == PayoutStatus.NeedsAttention, cancellationToken);
        var threshold = options.Value.Readiness.PayoutsNeedingAttention;
        var data = new Dictionary<string, object> { ["needingAttention"] = needingAttention, ["threshold"] = threshold };
        return needingAttention > threshold
            ? HealthCheckResult.Degraded($"{needingAttention} payouts need attention (GET /admin/v1/payouts?status=needs_attention)", data: data)
            : HealthCheckResult.Healthy($"{needingAttention} payouts need attention", data);
    }
}

using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Integration.Application.Hosting;

namespace Integration.Api.Hosting;

/// <summary>
/// The database answers. While <see cref="DatabaseOutage"/> knows it is gone, unhealthy at once (it
/// probes the database itself every second, so load balancers' probes add no connection attempts).
/// </summary>
public sealed class DatabaseHealthCheck(IntegrationDbContext db, DatabaseOutage outage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (outage.IsDown)
        {
            return HealthCheckResult.Unhealthy("unreachable: requests that need it answer 503");
        }
        if (await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Healthy();
        }
        outage.NoteUnreachable("the readiness check could not connect");
        return HealthCheckResult.Unhealthy("unreachable: requests that need it answer 503");
    }
}

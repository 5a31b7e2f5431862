using Integration.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Api.Hosting;

public static class HealthSetup
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseOutage>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: and its database does too.
    /// Answered at the front of the pipeline, before authentication and the middlewares that read the
    /// database for a caller (sandbox clock, credential revocation): a probe that carries a token still
    /// gets the health report, also while the database is down.
    /// </summary>
    public static IApplicationBuilder UseHealth(this IApplicationBuilder app) => app
        .UseHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
        .UseHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant()),
        });
}

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

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Integration.Application.Hosting;

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
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: and its database does too; it also
    /// reports background work (webhook backlog, payouts needing attention, the gateway's circuit) as
    /// <c>details</c>, "degraded" (still 200) when over its thresholds.
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
            // Figures only: descriptions and exceptions may name hosts or connection details and stay in the logs.
            details = report.Entries.Where(e => e.Value.Data.Count > 0)
                .ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), data = e.Value.Data }),
        });
}

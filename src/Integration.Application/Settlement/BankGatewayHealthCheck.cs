using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Application.Settlement;

/// <summary>
/// The bank gateway's circuit as a readiness entry: "degraded" while it is open (payouts wait; the
/// instance serves everything else), "healthy" otherwise. It makes no call to the gateway.
/// </summary>
public sealed class BankGatewayHealthCheck(GatewayCircuit circuit) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var window = circuit.Window;
        var data = new Dictionary<string, object> { ["recentCalls"] = window.Calls, ["recentFailures"] = window.Failures };
        if (await circuit.OpenUntilAsync(cancellationToken) is { } until)
        {
            data["circuit"] = "open";
            data["openUntil"] = until;
            return HealthCheckResult.Degraded($"circuit open until {until:O}: payouts wait and are not attempted", data: data);
        }
        data["circuit"] = "closed";
        return HealthCheckResult.Healthy($"circuit closed: {window.Failures} of {window.Calls} recent calls failed", data);
    }
}

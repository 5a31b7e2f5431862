using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integration.Api.Settlement;

/// <summary>
/// The bank gateway's circuit as a readiness entry: "degraded" while it is open (payouts wait; the
/// instance serves everything else), "healthy" otherwise. It makes no call to the gateway.
/// </summary>
public sealed class BankGatewayHealthCheck(GatewayCircuit circuit) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (await circuit.OpenUntilAsync(cancellationToken) is { } until)
        {
            return HealthCheckResult.Degraded($"circuit open until {until:O}: payouts wait and are not attempted");
        }
        var window = circuit.Window;
        return HealthCheckResult.Healthy($"circuit closed: {window.Failures} of {window.Calls} recent calls failed");
    }
}

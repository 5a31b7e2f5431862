using Integration.Core.Sandbox;
using Integration.Sandbox.Simulators;

namespace Integration.Sandbox.Simulators;

/// <summary>The simulated carrier's tracking service: whether a parcel has been delivered.</summary>
public sealed class SimulatedCarrier(SandboxSimulators simulators, SimulatorCallLog calls, ILogger<SimulatedCarrier> logger) : IDisposable
{
    private readonly Lazy<HttpClient> _http = new(() => new HttpClient(new SimulatorCallRecorder(calls)) { BaseAddress = simulators.CarrierUrl, Timeout = TimeSpan.FromSeconds(10) });

    /// <summary>True when the carrier reports the parcel delivered; false when it does not, or cannot be reached.</summary>
    public async Task<bool> IsDeliveredAsync(string partnerId, SimulatorMode mode, string trackingNumber, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"tracking/{Uri.EscapeDataString(trackingNumber)}");
        request.Headers.Add(SandboxSimulators.PartnerHeader, partnerId);
        request.Headers.Add(SandboxSimulators.ModeHeader, Core.Common.SnakeCase.Of(mode));
        try
        {
            using var response = await _http.Value.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            var tracking = await response.Content.ReadFromJsonAsync<Tracking>(cancellationToken);
            return tracking?.Status == "delivered";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Simulated carrier did not answer for {TrackingNumber}: {Error}", trackingNumber, e.GetType().Name);
            return false;
        }
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }

    private sealed record Tracking(string? TrackingNumber, string? Status);
}

using Integration.Core.Common;
using Integration.Core.Sandbox;
using Integration.Sandbox.Simulators;

namespace Integration.Sandbox.Simulators;

/// <summary>Records every call the platform makes to a simulator, with what it sent and what came back.</summary>
public sealed class SimulatorCallRecorder(SimulatorCallLog log) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var at = TimeProvider.System.GetUtcNow(); // real time, as the partner's own logs have it
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var status = 0;
        string? responseBody = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
            return response;
        }
        finally
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            if (Header(request, SandboxSimulators.PartnerHeader) is { } partnerId)
            {
                log.Record(new SimulatorCall
                {
                    Id = Ids.New("simcall"),
                    PartnerId = partnerId,
                    Simulator = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
                    At = at,
                    Method = request.Method.Method,
                    Path = path.Length > 500 ? path[..500] : path,
                    Mode = Header(request, SandboxSimulators.ModeHeader),
                    Status = status,
                    RequestBody = SimulatorCall.Capped(requestBody),
                    ResponseBody = SimulatorCall.Capped(responseBody),
                });
            }
        }
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

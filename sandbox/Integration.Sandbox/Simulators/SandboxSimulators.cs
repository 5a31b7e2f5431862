using Integration.Core.Sandbox;
using WireMock.Server;
using WireMock.Settings;

namespace Integration.Sandbox.Simulators;

/// <summary>One call a sandbox made to a simulated outside system, as its partner may read it back.</summary>
public sealed record SimulatorRequest(string Id, DateTimeOffset At, string Method, string Path, string? Mode, int Status, string? RequestBody, string? ResponseBody);

/// <summary>
/// The outside world of the sandbox, played by one in-process WireMock.Net server: the bank gateway
/// under <c>/bank-gateway/</c> and the carrier's tracking service under <c>/carrier/</c>. Their
/// behaviour is the mapping files in <c>sandbox/Integration.Sandbox/Simulators/mappings</c>; each call
/// names its partner and that partner's mode in headers, so one server serves every sandbox.
/// The server starts on first use, listening on the loopback interface only.
/// </summary>
public sealed class SandboxSimulators(int port = 0) : IDisposable
{
    public const string PartnerHeader = "X-Sandbox-Partner";
    public const string ModeHeader = "X-Simulator-Mode";
    public const string BankGateway = "bank-gateway";
    public const string Carrier = "carrier";
    private const int KeptRequests = 10_000;

    private readonly Lazy<WireMockServer> _server = new(() => Start(port));

    public Uri BankGatewayUrl => new($"{_server.Value.Urls[0]}/{BankGateway}/");

    public Uri CarrierUrl => new($"{_server.Value.Urls[0]}/{Carrier}/");

    public static string MappingsDirectory => Path.Combine(AppContext.BaseDirectory, "sandbox-simulators");

    public static IReadOnlyList<string> Names => [BankGateway, Carrier];

    /// <summary>The modes a simulator's mapping files define.</summary>
    public static IReadOnlyList<SimulatorMode> ModesOf(string simulator) => simulator == Carrier
        ? [SimulatorMode.Healthy, SimulatorMode.Failing]
        : Enum.GetValues<SimulatorMode>();

    /// <summary>The calls the partner's sandbox made to one simulator, oldest first.</summary>
    public IReadOnlyList<SimulatorRequest> RequestsOf(string partnerId, string simulator) =>
        _server.IsValueCreated
            ? _server.Value.LogEntries
                .Where(e => e.RequestMessage.Path.StartsWith($"/{simulator}/", StringComparison.Ordinal)
                            && e.RequestMessage.Headers?.TryGetValue(PartnerHeader, out var partner) == true && partner.Contains(partnerId))
                .Select(e => new SimulatorRequest(
                    e.Guid.ToString("N"), new DateTimeOffset(DateTime.SpecifyKind(e.RequestMessage.DateTime, DateTimeKind.Utc)), e.RequestMessage.Method,
                    e.RequestMessage.Path, e.RequestMessage.Headers!.TryGetValue(ModeHeader, out var mode) ? mode.FirstOrDefault() : null,
                    e.ResponseMessage.StatusCode is int code ? code : int.TryParse(e.ResponseMessage.StatusCode?.ToString(), out var parsed) ? parsed : 0,
                    e.RequestMessage.Body, e.ResponseMessage.BodyData?.BodyAsString))
                .OrderBy(r => r.At).ThenBy(r => r.Id, StringComparer.Ordinal).ToList()
            : [];

    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Stop();
            _server.Value.Dispose();
        }
    }

    private static WireMockServer Start(int port)
    {
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            MaxRequestLogCount = KeptRequests,
            StartAdminInterface = false,
        });
        server.ReadStaticMappings(MappingsDirectory);
        return server;
    }
}

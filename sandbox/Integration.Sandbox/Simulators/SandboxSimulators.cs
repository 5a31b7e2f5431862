using Integration.Core.Sandbox;
using WireMock.Server;
using WireMock.Settings;

namespace Integration.Sandbox.Simulators;

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
    private const int KeptRequests = 100; // the platform keeps the sandbox's log itself (SimulatorCallLog)

    private readonly Lazy<WireMockServer> _server = new(() => Start(port));

    public Uri BankGatewayUrl => new($"{_server.Value.Urls[0]}/{BankGateway}/");

    public Uri CarrierUrl => new($"{_server.Value.Urls[0]}/{Carrier}/");

    public static string MappingsDirectory => Path.Combine(AppContext.BaseDirectory, "sandbox-simulators");

    public static IReadOnlyList<string> Names => [BankGateway, Carrier];

    /// <summary>The modes a simulator's mapping files define.</summary>
    public static IReadOnlyList<SimulatorMode> ModesOf(string simulator) => simulator == Carrier
        ? [SimulatorMode.Healthy, SimulatorMode.Failing]
        : Enum.GetValues<SimulatorMode>();

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

using System.Globalization;
using Integration.Application.Settlement;
using Integration.Core.Sandbox;
using Integration.Core.Settlement;
using Integration.Data;
using Integration.Sandbox.Simulators;
using Microsoft.EntityFrameworkCore;
using Integration.Sandbox.Worlds;

namespace Integration.Sandbox.Simulators;

/// <summary>
/// Sandbox payouts go to the simulated bank gateway, never to a real one. Each call names the
/// partner and its chosen mode; the simulator keeps no state, so a lookup also carries the payout's
/// amount and currency for it to report back.
/// </summary>
public sealed class SimulatedBankGateway(SandboxSimulators simulators, SimulatorCallLog calls, ILogger<BankGateway> logger) : IPayoutGateway, IDisposable
{
    private readonly Lazy<HttpClient> _http = new(() => new HttpClient(new SimulatorCallRecorder(calls)) { BaseAddress = simulators.BankGatewayUrl, Timeout = TimeSpan.FromSeconds(10) });

    public async Task<(BankGateway Gateway, IReadOnlyDictionary<string, string>? Headers)> RouteAsync(
        IntegrationDbContext db, Payout payout, CancellationToken cancellationToken)
    {
        var mode = await db.SandboxWorlds.Where(w => w.PartnerId == payout.PartnerId).Select(w => (SimulatorMode?)w.BankGatewayMode)
            .FirstOrDefaultAsync(cancellationToken) ?? SimulatorMode.Healthy;
        return (new BankGateway(_http.Value, logger), new Dictionary<string, string>
        {
            [SandboxSimulators.PartnerHeader] = payout.PartnerId,
            [SandboxSimulators.ModeHeader] = Core.Common.SnakeCase.Of(mode),
            ["X-Payout-Amount"] = payout.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["X-Payout-Currency"] = payout.Currency,
        });
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }
}

using Integration.Application.Hosting;
using Integration.Application.Observability;
using Integration.Core.Sandbox;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Sandbox.Simulators;

/// <summary>
/// The calls sandboxes make to the simulators, written to the database (<c>sandbox_simulator_calls</c>)
/// so that whichever instance a partner reaches shows the same log.
/// </summary>
public sealed class SimulatorCallLog(IServiceScopeFactory scopes, PlatformMetrics metrics, ILogger<SimulatorCallLog> logger)
    : BatchedRowWriter<SimulatorCall>(scopes, metrics, logger, "simulator_calls")
{
    protected override string LostBatchMessage => "{Count} simulator calls could not be written to the sandbox's log";

    /// <summary>The partner's calls to the simulator after the cursor, oldest first (the API's order), or before it, newest first (the portal's).</summary>
    public async Task<List<SimulatorCall>> PageAsync(
        IntegrationDbContext db, string partnerId, string simulator, (DateTimeOffset At, string Id)? after, int take, CancellationToken cancellationToken,
        bool newestFirst = false)
    {
        await WrittenAsync(cancellationToken);
        // Calls made before the sandbox's last reset, written late by another instance, are not the sandbox's any more.
        var from = await db.SandboxWorlds.Where(w => w.PartnerId == partnerId).Select(w => (DateTimeOffset?)w.SimulatorCallsFrom).FirstOrDefaultAsync(cancellationToken);
        var query = db.SimulatorCalls.AsNoTracking().Where(c => c.PartnerId == partnerId && c.Simulator == simulator && (from == null || c.At >= from));
        if (after is var (at, id))
        {
            query = newestFirst
                ? query.Where(c => c.At < at || (c.At == at && string.Compare(c.Id, id) < 0))
                : query.Where(c => c.At > at || (c.At == at && string.Compare(c.Id, id) > 0));
        }
        var ordered = newestFirst ? query.OrderByDescending(c => c.At).ThenByDescending(c => c.Id) : query.OrderBy(c => c.At).ThenBy(c => c.Id);
        return await ordered.Take(take).ToListAsync(cancellationToken);
    }
}

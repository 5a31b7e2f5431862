using Integration.Application.Environments;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Integration.Sandbox.Worlds;

namespace Integration.Sandbox.Clocks;

public sealed class SandboxClocks : IEnvironmentClock
{
    /// <summary>
    /// Internal work on a sandbox partner's rows (an admin confirming a sandbox order, say) runs on that
    /// partner's sandbox clock, so what it stamps never precedes what the partner's own requests stamped.
    /// A partner's own requests and the time machine have their clock set already.
    /// </summary>
    public async Task FollowPartnerAsync(BusinessClock clock, IntegrationDbContext db, string partnerId, CancellationToken cancellationToken)
    {
        if (db.TenantPartnerId is not null)
        {
            return;
        }
        var offset = await db.SandboxWorlds.Where(w => w.PartnerId == partnerId).Select(w => (TimeSpan?)w.ClockOffset).FirstOrDefaultAsync(cancellationToken);
        clock.RunAhead(offset ?? TimeSpan.Zero);
    }
}

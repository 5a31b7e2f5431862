using Integration.Application.Environments;
using Integration.Core.Common;
using Integration.Core.Sandbox;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Hosting;
using Integration.Sandbox.Worlds;

namespace Integration.Sandbox.Clocks;

public sealed class SandboxClocks(IOptions<SandboxOptions> options) : IEnvironmentClock
{
    /// <summary>
    /// Internal work on a sandbox partner's rows (an admin confirming a sandbox order, or reading one) runs on that
    /// partner's sandbox clock, so what it stamps never precedes what the partner's own requests stamped and what it
    /// reads is judged at the partner's time. While that sandbox's clock advances in the background it is refused with
    /// 409 <c>clock_advancing</c>, as the partner's own requests are: it would read or act on a half-moved sandbox,
    /// and the advance may move the same rows.
    /// A partner's own requests and the time machine have their clock set already.
    /// </summary>
    public async Task FollowPartnerAsync(BusinessClock clock, IntegrationDbContext db, string partnerId, CancellationToken cancellationToken)
    {
        if (db.TenantPartnerId is not null)
        {
            return;
        }
        // A seeded peer's rows belong to the sandbox of the partner that owns it.
        var owner = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.SandboxOwnerId).FirstOrDefaultAsync(cancellationToken) ?? partnerId;
        var world = await db.SandboxWorlds.Where(w => w.PartnerId == owner)
            .Select(w => new
            {
                w.ClockOffset,
                Advancing = db.ClockAdvances.Where(a => a.PartnerId == w.PartnerId && a.Status == ClockAdvanceStatus.Advancing).Select(a => a.Id).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (world?.Advancing is { } advancing)
        {
            var seconds = options.Value.Clock.RetryAfterSeconds;
            throw new DomainException(ErrorKind.Conflict, "clock_advancing",
                $"The sandbox clock of partner '{owner}' is advancing (advance '{advancing}'); its sandbox data cannot be read or changed until it is ready. Retry after {seconds} s.")
            {
                RetryAfterSeconds = seconds,
            };
        }
        clock.RunAhead(world?.ClockOffset ?? TimeSpan.Zero);
    }
}

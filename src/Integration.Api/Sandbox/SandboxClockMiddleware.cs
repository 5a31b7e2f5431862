using Integration.Api.OAuth;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Integration.Sandbox.Worlds;

namespace Integration.Api.Sandbox;

/// <summary>
/// A sandbox caller's unit of work runs on its sandbox clock: every business rule of the request
/// reads the partner's moved time. Live callers are not touched (no extra query).
/// </summary>
public sealed class SandboxClockMiddleware(RequestDelegate next)
{
    private static readonly TimeSpan UseRecordedEvery = TimeSpan.FromHours(1);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetCaller() is { Kind: CredentialKind.Partner, Environment: ApiEnvironment.Sandbox, PartnerId: { } partnerId })
        {
            var clock = context.RequestServices.GetRequiredService<BusinessClock>();
            var platform = context.RequestServices.GetRequiredService<TimeProvider>();
            var db = context.RequestServices.GetRequiredService<IntegrationDbContext>();
            var world = await db.SandboxWorlds.AsNoTracking().Where(w => w.PartnerId == partnerId)
                .Select(w => new { w.ClockOffset, w.LastUsedAt }).FirstOrDefaultAsync(context.RequestAborted);
            if (world is not null)
            {
                clock.RunAhead(world.ClockOffset);
                var now = platform.UtcNow();
                if (now - world.LastUsedAt > UseRecordedEvery)
                {
                    await using var transaction = await db.BeginUnitOfWorkAsync(context.RequestAborted);
                    await db.SandboxWorlds.Where(w => w.PartnerId == partnerId).ExecuteUpdateAsync(set => set.SetProperty(w => w.LastUsedAt, now), context.RequestAborted);
                    await transaction.CommitAsync(context.RequestAborted);
                }
            }
        }
        await next(context);
    }
}

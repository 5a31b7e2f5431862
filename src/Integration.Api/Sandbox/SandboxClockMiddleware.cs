using System.Globalization;
using Integration.Api.Hosting;
using Integration.Api.OAuth;
using Integration.Core.Sandbox;
using Integration.Sandbox.Hosting;
using Microsoft.Extensions.Options;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Integration.Sandbox.Worlds;

namespace Integration.Api.Sandbox;

/// <summary>
/// A sandbox caller's unit of work runs on its sandbox clock: every business rule of the request
/// reads the partner's moved time. While the clock advances in the background, the sandbox answers
/// only what is <see cref="ReadableWhileAdvancingAttribute"/>: nothing reads a half-moved sandbox.
/// Live callers are not touched (no extra query).
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
                .Select(w => new
                {
                    w.ClockOffset, w.LastUsedAt,
                    Advancing = db.ClockAdvances.Where(a => a.PartnerId == w.PartnerId && a.Status == ClockAdvanceStatus.Advancing).Select(a => a.Id).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(context.RequestAborted);
            if (world?.Advancing is { } advancing && context.GetEndpoint()?.Metadata.GetMetadata<ReadableWhileAdvancingAttribute>() is null)
            {
                await RefuseWhileAdvancingAsync(context, advancing);
                return;
            }
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

    private static Task RefuseWhileAdvancingAsync(HttpContext context, string advanceId)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value.Clock;
        var version = context.Request.Path.StartsWithSegments("/v1") ? "v1" : "v2";
        var advance = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/{version}/sandbox/clock/advances/{advanceId}";
        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, StatusCodes.Status409Conflict, "clock_advancing",
            $"Your sandbox clock is advancing ({advance}); until it is ready your sandbox answers only the clock and the advance. Retry after {options.RetryAfterSeconds} s.",
            extensions: new Dictionary<string, object?> { ["advance"] = advance });
    }
}

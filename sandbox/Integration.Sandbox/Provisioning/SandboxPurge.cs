using Integration.Core.Common;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Hosting;
using Integration.Sandbox.Worlds;

namespace Integration.Sandbox.Provisioning;

/// <summary>Purges sandboxes nobody used for <see cref="SandboxOptions.PurgeUnusedAfter"/>, once a day.</summary>
public sealed class SandboxPurge(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SandboxOptions> options, ILogger<SandboxPurge> logger) : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SandboxWorlds>().PurgeUnusedAsync(clock.UtcNow() - options.Value.PurgeUnusedAfter, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PurgeInBackground)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) is > 0 and var purged)
                {
                    logger.LogInformation("Purged {Count} unused sandboxes", purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging unused sandboxes failed; it runs again tomorrow");
            }
        }
    }
}

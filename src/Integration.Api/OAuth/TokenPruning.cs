using OpenIddict.Abstractions;

namespace Integration.Api.OAuth;

/// <summary>Removes token entries that expired or were revoked more than a day ago, once an hour.</summary>
public sealed class TokenPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
                var removed = await tokens.PruneAsync(clock.GetUtcNow().AddDays(-1), stoppingToken);
                logger.LogInformation("Pruned {Count} old token entries", removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Token pruning failed; it runs again in {Interval}", Interval);
            }
        }
    }
}

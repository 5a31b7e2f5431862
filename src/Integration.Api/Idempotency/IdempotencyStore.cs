using Integration.Core.Idempotency;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Idempotency;

public abstract record IdempotencyClaim
{
    public sealed record Claimed : IdempotencyClaim;
    public sealed record InUse : IdempotencyClaim;
    public sealed record Mismatch : IdempotencyClaim;
    public sealed record Replay(IdempotencyRecord Record) : IdempotencyClaim;
}

/// <summary>
/// Claims Idempotency-Keys. A claim is committed on its own connection at once, so a concurrent
/// request with the same key sees it and gets 409; the response is recorded later in the same
/// transaction as the change it made (<see cref="CompleteAsync"/>), so a change and its replayable
/// response are stored together or not at all.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>How long a claim is held before a crashed request's key may be taken over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    public async Task<IdempotencyClaim> ClaimAsync(Tenant tenant, string key, string requestHash, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            // Insert first: a new key (the common case) costs one statement; a taken one fails on the primary key.
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                PartnerId = tenant.PartnerId, Environment = tenant.Environment, Key = key, RequestHash = requestHash,
                CreatedAt = now, LockedUntil = now + Lease, ExpiresAt = now + Retention,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new IdempotencyClaim.Claimed();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
            var existing = await Find(db, tenant, key).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                continue; // released in between; try again
            }
            if (existing.ExpiresAt <= now)
            {
                await Find(db, tenant, key).Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
                continue;
            }
            if (existing.RequestHash != requestHash)
            {
                return new IdempotencyClaim.Mismatch();
            }
            if (existing.Completed)
            {
                return new IdempotencyClaim.Replay(existing);
            }
            if (existing.LockedUntil > now)
            {
                return new IdempotencyClaim.InUse();
            }
            var takenOver = await Find(db, tenant, key)
                .Where(r => !r.Completed && r.LockedUntil == existing.LockedUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedUntil, now + Lease), cancellationToken);
            return takenOver == 1 ? new IdempotencyClaim.Claimed() : new IdempotencyClaim.InUse();
        }
        return new IdempotencyClaim.InUse();
    }

    /// <summary>Records the response inside the caller's open transaction.</summary>
    public static Task CompleteAsync(IntegrationDbContext db, Tenant tenant, string key, int status, string body, string? location, string? etag,
        CancellationToken cancellationToken) =>
        Find(db, tenant, key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Completed, true)
            .SetProperty(r => r.ResponseStatus, status)
            .SetProperty(r => r.ResponseBody, body)
            .SetProperty(r => r.ResponseLocation, location)
            .SetProperty(r => r.ResponseETag, etag), cancellationToken);

    /// <summary>Gives the key back when the request failed without changing anything, so a retry runs it again.</summary>
    public async Task ReleaseAsync(Tenant tenant, string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        await Find(db, tenant, key).Where(r => !r.Completed).ExecuteDeleteAsync();
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = clock.GetUtcNow();
        return await db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<IdempotencyRecord> Find(IntegrationDbContext db, Tenant tenant, string key) =>
        db.IdempotencyRecords.IgnoreQueryFilters()
            .Where(r => r.PartnerId == tenant.PartnerId && r.Environment == tenant.Environment && r.Key == key);
}

/// <summary>Deletes expired Idempotency-Key records hourly (they are kept 24 hours).</summary>
public sealed class IdempotencyPruning(IdempotencyStore store, TimeProvider clock, ILogger<IdempotencyPruning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                logger.LogInformation("Pruned {Count} expired idempotency keys", await store.PruneAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pruning idempotency keys failed; it runs again in an hour");
            }
        }
    }
}

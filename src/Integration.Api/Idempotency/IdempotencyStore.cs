using System.Collections.Concurrent;
using Integration.Core.Common;
using Integration.Core.Idempotency;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Idempotency;

public abstract record IdempotencyClaim
{
    /// <param name="At">When the key was claimed.</param>
    /// <param name="Stored">
    /// Whether the claim is a row already (a database several instances share). Otherwise this process
    /// holds the key and its row is written with the response, in the change's own transaction.
    /// </param>
    /// <param name="ReplacesExpired">An expired record of the key is still stored and makes way for the new one.</param>
    public sealed record Claimed(DateTimeOffset At, bool Stored, bool ReplacesExpired = false) : IdempotencyClaim;
    public sealed record InUse : IdempotencyClaim;
    public sealed record Mismatch : IdempotencyClaim;
    public sealed record Replay(IdempotencyRecord Record) : IdempotencyClaim;
}

/// <summary>
/// Claims Idempotency-Keys. A key in use by a request of this process is known in memory. On a
/// database several instances share (PostgreSQL) the claim is also a row, committed on its own
/// connection at once, so a concurrent request on another instance sees it and gets 409. On a
/// database one process writes (SQLite) the memory suffices, and the row is written only with the
/// response: one write transaction per request instead of two. Either way the response is recorded
/// in the same transaction as the change it made (<see cref="CompleteAsync"/>), so a change and its
/// replayable response are stored together or not at all.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>How long a stored claim is held before a crashed request's key may be taken over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<(string PartnerId, ApiEnvironment Environment, string Key), byte> _inFlight = new();

    public async Task<IdempotencyClaim> ClaimAsync(Tenant tenant, string key, string requestHash, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryAdd((tenant.PartnerId, tenant.Environment, key), 0))
        {
            return new IdempotencyClaim.InUse();
        }
        var claim = new IdempotencyClaim.InUse() as IdempotencyClaim;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
            claim = db.WriteGate is null
                ? await ClaimSharedAsync(db, tenant, key, requestHash, cancellationToken)
                : await ClaimSingleWriterAsync(db, tenant, key, requestHash, cancellationToken);
            return claim;
        }
        finally
        {
            if (claim is not IdempotencyClaim.Claimed)
            {
                _inFlight.TryRemove((tenant.PartnerId, tenant.Environment, key), out _);
            }
        }
    }

    private async Task<IdempotencyClaim> ClaimSingleWriterAsync(IntegrationDbContext db, Tenant tenant, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await Find(db, tenant, key).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (existing is null || existing.ExpiresAt <= now)
        {
            return new IdempotencyClaim.Claimed(now, Stored: false, ReplacesExpired: existing is not null);
        }
        return Judge(existing, requestHash, now) ?? await TakeOverAsync(db, tenant, key, existing, now, cancellationToken);
    }

    private async Task<IdempotencyClaim> ClaimSharedAsync(IntegrationDbContext db, Tenant tenant, string key, string requestHash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            // Insert first: a new key (the common case) costs one statement; a taken one fails on the primary key.
            db.IdempotencyRecords.Add(NewRecord(tenant, key, requestHash, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new IdempotencyClaim.Claimed(now, Stored: true);
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
            return Judge(existing, requestHash, now) ?? await TakeOverAsync(db, tenant, key, existing, now, cancellationToken);
        }
        return new IdempotencyClaim.InUse();
    }

    /// <summary>What a live record of the key means for this request; null when it is a crashed request's claim to take over.</summary>
    private static IdempotencyClaim? Judge(IdempotencyRecord existing, string requestHash, DateTimeOffset now) =>
        existing.RequestHash != requestHash ? new IdempotencyClaim.Mismatch()
        : existing.Completed ? new IdempotencyClaim.Replay(existing)
        : existing.LockedUntil > now ? new IdempotencyClaim.InUse()
        : null;

    private static async Task<IdempotencyClaim> TakeOverAsync(
        IntegrationDbContext db, Tenant tenant, string key, IdempotencyRecord existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var takenOver = await Find(db, tenant, key)
            .Where(r => !r.Completed && r.LockedUntil == existing.LockedUntil)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedUntil, now + Lease), cancellationToken);
        return takenOver == 1 ? new IdempotencyClaim.Claimed(now, Stored: true) : new IdempotencyClaim.InUse();
    }

    /// <summary>Records the response inside the caller's open transaction.</summary>
    public static async Task CompleteAsync(IntegrationDbContext db, Tenant tenant, string key, string requestHash, IdempotencyClaim.Claimed claim,
        RecordedResponse response, CancellationToken cancellationToken)
    {
        if (claim.Stored)
        {
            await Find(db, tenant, key).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Completed, true)
                .SetProperty(r => r.ResponseStatus, response.Status)
                .SetProperty(r => r.ResponseBody, response.Body)
                .SetProperty(r => r.ResponseLocation, response.Location)
                .SetProperty(r => r.ResponseETag, response.ETag), cancellationToken);
            return;
        }
        if (claim.ReplacesExpired)
        {
            await Find(db, tenant, key).Where(r => r.ExpiresAt <= claim.At).ExecuteDeleteAsync(cancellationToken);
        }
        var record = NewRecord(tenant, key, requestHash, claim.At);
        record.Completed = true;
        record.ResponseStatus = response.Status;
        record.ResponseBody = response.Body;
        record.ResponseLocation = response.Location;
        record.ResponseETag = response.ETag;
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("PK_idempotency_records", "idempotency_records.Key"))
        {
            // Another process wrote the same SQLite file (unsupported, but never a second order): roll back.
            throw new DomainException(ErrorKind.Conflict, "idempotency_key_in_use",
                "A request with this Idempotency-Key was processed at the same time. Retry to get its result.");
        }
    }

    /// <summary>
    /// Ends the request's hold on the key. A request that failed without changing anything gives the
    /// key back, so a retry runs it again.
    /// </summary>
    public async Task FinishAsync(Tenant tenant, string key, IdempotencyClaim.Claimed claim, bool completed)
    {
        try
        {
            if (!completed && claim.Stored)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
                await Find(db, tenant, key).Where(r => !r.Completed).ExecuteDeleteAsync();
            }
        }
        finally
        {
            _inFlight.TryRemove((tenant.PartnerId, tenant.Environment, key), out _);
        }
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = clock.GetUtcNow();
        return await db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private static IdempotencyRecord NewRecord(Tenant tenant, string key, string requestHash, DateTimeOffset now) => new()
    {
        PartnerId = tenant.PartnerId, Environment = tenant.Environment, Key = key, RequestHash = requestHash,
        CreatedAt = now, LockedUntil = now + Lease, ExpiresAt = now + Retention,
    };

    private static IQueryable<IdempotencyRecord> Find(IntegrationDbContext db, Tenant tenant, string key) =>
        db.IdempotencyRecords.IgnoreQueryFilters()
            .Where(r => r.PartnerId == tenant.PartnerId && r.Environment == tenant.Environment && r.Key == key);
}

/// <summary>The response an idempotent request gave, replayed for its retries.</summary>
public sealed record RecordedResponse(int Status, string Body, string? Location, string? ETag);

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

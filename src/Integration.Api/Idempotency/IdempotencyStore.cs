using System.Collections.Concurrent;
using Integration.Core.Common;
using Integration.Core.Idempotency;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Idempotency;

public abstract record IdempotencyClaim
{
    /// <param name="At">When the key was claimed.</param>
    public sealed record Claimed(DateTimeOffset At) : IdempotencyClaim;
    public sealed record InUse : IdempotencyClaim;
    public sealed record Mismatch : IdempotencyClaim;
    public sealed record Replay(IdempotencyRecord Record) : IdempotencyClaim;
}

/// <summary>
/// Claims Idempotency-Keys. A key in use by a request of this process is held in memory, so a
/// concurrent retry gets 409 at once. The key's row is written only with the response, in the same
/// transaction as the change it made (<see cref="CompleteAsync"/>, <see cref="Complete"/>): a change
/// and its replayable response are stored together or not at all, and a request costs one write
/// transaction. Between instances sharing a database, the row's primary key decides: of two
/// requests with one key running at once on two instances, the second to commit is rolled back and
/// answered 409, so there is still exactly one change.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<(string PartnerId, ApiEnvironment Environment, string Key), byte> _inFlight = new();

    /// <summary>Claims the key for a request; <paramref name="db"/> is the request's own context (the lookup ignores its tenancy filter).</summary>
    public async Task<IdempotencyClaim> ClaimAsync(IntegrationDbContext db, Tenant tenant, string key, string requestHash, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryAdd((tenant.PartnerId, tenant.Environment, key), 0))
        {
            return new IdempotencyClaim.InUse();
        }
        var claim = new IdempotencyClaim.InUse() as IdempotencyClaim;
        try
        {
            claim = await JudgeAsync(db, tenant, key, requestHash, cancellationToken);
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

    private async Task<IdempotencyClaim> JudgeAsync(IntegrationDbContext db, Tenant tenant, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await FindRecord(db, tenant.PartnerId, tenant.Environment, key);
        if (existing is null)
        {
            return new IdempotencyClaim.Claimed(now);
        }
        if (existing.ExpiresAt > now)
        {
            if (existing.RequestHash != requestHash) return new IdempotencyClaim.Mismatch();
            if (existing.Completed) return new IdempotencyClaim.Replay(existing);
            if (existing.LockedUntil > now) return new IdempotencyClaim.InUse(); // a claim row of an earlier version, still in flight
        }
        // Expired, or an abandoned claim row: it makes way. Should another instance replace it at the same
        // time, the primary key refuses the second insert.
        await Find(db, tenant, key).Where(r => r.ExpiresAt <= now || (!r.Completed && r.LockedUntil <= now)).ExecuteDeleteAsync(cancellationToken);
        return new IdempotencyClaim.Claimed(now);
    }

    /// <summary>Records the response inside the caller's open transaction.</summary>
    public static async Task CompleteAsync(IntegrationDbContext db, Tenant tenant, string key, string requestHash, IdempotencyClaim.Claimed claim,
        RecordedResponse response, CancellationToken cancellationToken)
    {
        Complete(db, tenant, key, requestHash, claim, response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (ExplainLostRace(e) is { } explained)
        {
            throw explained;
        }
    }

    /// <summary>Adds the key's record with the response to the writes of <paramref name="db"/> (a request's, or a <see cref="GroupCommit"/>'s).</summary>
    public static void Complete(IntegrationDbContext db, Tenant tenant, string key, string requestHash, IdempotencyClaim.Claimed claim, RecordedResponse response)
    {
        var record = NewRecord(tenant, key, requestHash, claim.At);
        record.Completed = true;
        record.ResponseStatus = response.Status;
        record.ResponseBody = response.Body;
        record.ResponseLocation = response.Location;
        record.ResponseETag = response.ETag;
        db.IdempotencyRecords.Add(record);
    }

    /// <summary>
    /// Another instance recorded the same key first: this request's change rolls back, and its retry
    /// gets the stored answer.
    /// </summary>
    public static DomainException? ExplainLostRace(DbUpdateException e) =>
        e.IsUniqueViolation("PK_idempotency_records", "idempotency_records.Key")
            ? new DomainException(ErrorKind.Conflict, "idempotency_key_in_use",
                "A request with this Idempotency-Key was processed at the same time. Retry to get its result.")
            : null;

    /// <summary>Ends the request's hold on the key; a request that changed nothing leaves no record, so a retry runs again.</summary>
    public void Finish(Tenant tenant, string key) => _inFlight.TryRemove((tenant.PartnerId, tenant.Environment, key), out _);

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
        CreatedAt = now, LockedUntil = now, ExpiresAt = now + Retention,
    };

    // Compiled: looked up on every idempotent request, where EF's own query preparation would cost more than the lookup.
    private static readonly Func<IntegrationDbContext, string, ApiEnvironment, string, Task<IdempotencyRecord?>> FindRecord =
        EF.CompileAsyncQuery((IntegrationDbContext db, string partnerId, ApiEnvironment environment, string key) =>
            db.IdempotencyRecords.IgnoreQueryFilters().AsNoTracking().FirstOrDefault(r => r.PartnerId == partnerId && r.Environment == environment && r.Key == key));

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

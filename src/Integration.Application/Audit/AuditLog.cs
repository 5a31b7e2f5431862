using System.Text.Json;
using System.Text.Json.Nodes;
using Integration.Core.Credentials;
using Integration.Core.Audit;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Audit;

public enum AuditOutcome
{
    Succeeded,
    Refused,
}

/// <summary>What happened, by whom, to what. <paramref name="Details"/> is serialised as JSON; never put secrets in it.</summary>
public sealed record AuditRecord(string Actor, string Action, string Target, AuditOutcome Outcome = AuditOutcome.Succeeded, object? Details = null);

/// <summary>
/// The append-only, hash-chained audit log (domain.md › Security and records). Entries are written in
/// the same transaction as the change they record, so a failed change leaves no entry behind.
/// </summary>
public sealed class AuditLog(IntegrationDbContext db, IServiceScopeFactory scopes, TimeProvider clock, AuditKeyRing keys, ActingPerson acting)
{
    private const long ChainLockKey = 0x61756469_74000001; // any constant; PostgreSQL advisory lock for the chain's tail

    /// <summary>Holds the chain's tail until the transaction ends. SQLite transactions here are BEGIN IMMEDIATE, so the tail cannot move under them anyway.</summary>
    public static async Task LockTailAsync(IntegrationDbContext db, CancellationToken cancellationToken)
    {
        if (db is PostgresIntegrationDbContext)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ChainLockKey], cancellationToken);
        }
    }

    /// <summary>The last committed entry's sequence and hash; after pruning everything, the anchor's; (0, genesis) for an empty chain.</summary>
    public static async Task<(long Sequence, string Hash)> HeadAsync(IntegrationDbContext db, CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is not null)
        {
            return (last.Sequence, last.Hash);
        }
        var anchor = await db.AuditAnchors.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.HeadHash })
            .FirstOrDefaultAsync(cancellationToken);
        return anchor is null ? (0, AuditChain.GenesisHash) : (anchor.Sequence, anchor.HeadHash);
    }

    /// <summary>Adds an entry to the current unit of work. Call inside the change's transaction, before SaveChanges.</summary>
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are appended inside the transaction of the change they record.");
        }
        await LockTailAsync(db, cancellationToken);
        var (sequence, previousHash) = await TailAsync(cancellationToken);
        var occurredAt = clock.UtcNow();
        var id = Ids.New("aud");
        var outcome = SnakeCase.Of(record.Outcome);
        var details = DetailsWithRoles(record.Details, acting.RolesOf(record.Actor));
        // Callers may pass what a client sent: nothing longer than its column is stored.
        record = record with { Actor = Bounded(record.Actor, 100), Action = Bounded(record.Action, 100), Target = Bounded(record.Target, 200) };
        var entry = new AuditEntry
        {
            Sequence = sequence + 1,
            Id = id,
            OccurredAt = occurredAt,
            Actor = record.Actor,
            Action = record.Action,
            Target = record.Target,
            Outcome = outcome,
            Details = details,
            PreviousHash = previousHash,
            Hash = "",
            KeyId = keys.Current.Id,
        };
        entry.Hash = AuditChain.ComputeMac(entry, keys.Current);
        db.AuditEntries.Add(entry);
    }

    /// <summary>Records an event that comes with no other change (a refused token request), in its own transaction.</summary>
    public async Task RecordAloneAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var ownDb = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        await using var transaction = await ownDb.BeginUnitOfWorkAsync(cancellationToken);
        await log.AppendAsync(record, cancellationToken);
        await ownDb.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>An internal actor's roles go into the details, which the chain's hash covers.</summary>
    private static string? DetailsWithRoles(object? details, IReadOnlyList<InternalRole>? roles)
    {
        if (roles is null)
        {
            return details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web);
        }
        var node = details is null ? null : JsonSerializer.SerializeToNode(details, JsonSerializerOptions.Web);
        var entry = node as JsonObject ?? new JsonObject { ["value"] = node };
        entry["actorRoles"] = new JsonArray([.. roles.Select(role => (JsonNode?)SnakeCase.Of(role))]);
        return entry.ToJsonString(JsonSerializerOptions.Web);
    }

    private static string Bounded(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private async Task<(long Sequence, string Hash)> TailAsync(CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .MaxBy(e => e.Sequence);
        if (pending is not null)
        {
            return (pending.Sequence, pending.Hash);
        }
        return await HeadAsync(db, cancellationToken);
    }
}

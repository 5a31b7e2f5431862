using System.Text.Json;
using Integration.Core.Audit;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Audit;

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
public sealed class AuditLog(IntegrationDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    private const long ChainLockKey = 0x61756469_74000001; // any constant; PostgreSQL advisory lock for the chain's tail

    /// <summary>Adds an entry to the current unit of work. Call inside the change's transaction, before SaveChanges.</summary>
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are appended inside the transaction of the change they record.");
        }
        // SQLite transactions here are BEGIN IMMEDIATE, so the tail cannot move under us; PostgreSQL needs a lock.
        if (db is PostgresIntegrationDbContext)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ChainLockKey], cancellationToken);
        }
        var (sequence, previousHash) = await TailAsync(cancellationToken);
        var occurredAt = clock.UtcNow();
        var id = Ids.New("aud");
        var outcome = SnakeCase.Of(record.Outcome);
        var details = record.Details is null ? null : JsonSerializer.Serialize(record.Details, JsonSerializerOptions.Web);
        // Callers may pass what a client sent: nothing longer than its column is stored.
        record = record with { Actor = Bounded(record.Actor, 100), Action = Bounded(record.Action, 100), Target = Bounded(record.Target, 200) };
        db.AuditEntries.Add(new AuditEntry
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
            Hash = AuditChain.ComputeHash(previousHash, sequence + 1, id, occurredAt, record.Actor, record.Action, record.Target, outcome, details),
        });
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

    private static string Bounded(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var walker = new AuditChainWalker();
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (walker.Accept(entry) is { } broken)
            {
                return new AuditVerification(false, walker.EntriesChecked, broken);
            }
        }
        return new AuditVerification(true, walker.EntriesChecked, null);
    }

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
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return last is null ? (0, AuditChain.GenesisHash) : (last.Sequence, last.Hash);
    }
}

public sealed record AuditVerification(bool Valid, long EntriesChecked, AuditBreak? FirstBrokenEntry);

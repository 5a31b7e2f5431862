using Integration.Api.Tests.Infrastructure;
using Integration.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Audit;

/// <summary>What someone with write access to the database, but not the key, can do to the audit log: plain SQL.</summary>
public static class ChainForger
{
    /// <summary>
    /// Changes the target of entry <paramref name="sequence"/> and recomputes its hash and every later one with
    /// plain SHA-256, so each entry points at the hash of the one before it again. With
    /// <paramref name="asLegacy"/> the key ids are cleared too, passing the entries off as written before keys.
    /// </summary>
    public static Task EditAndRecomputeAsync(PlatformFactory platform, long sequence, string target, bool asLegacy = false) =>
        platform.WithDbAsync(async db =>
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= sequence).OrderBy(e => e.Sequence).ToListAsync();
            var previous = entries[0].PreviousHash;
            foreach (var entry in entries)
            {
                var forged = new AuditEntry
                {
                    Sequence = entry.Sequence, Id = entry.Id, OccurredAt = entry.OccurredAt, Actor = entry.Actor, Action = entry.Action,
                    Target = entry.Sequence == sequence ? target : entry.Target, Outcome = entry.Outcome, Details = entry.Details,
                    PreviousHash = previous, Hash = "", KeyId = asLegacy ? null : entry.KeyId,
                };
                forged.Hash = AuditChain.ComputeHash(forged);
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE audit_entries SET "Target" = {forged.Target}, "PreviousHash" = {forged.PreviousHash}, "Hash" = {forged.Hash}, "KeyId" = {forged.KeyId}
                    WHERE "Sequence" = {forged.Sequence}
                    """);
                previous = forged.Hash;
            }
            return 0;
        });

    public static Task DeleteEntriesAfterAsync(PlatformFactory platform, long sequence) =>
        platform.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM audit_entries WHERE "Sequence" > {sequence}"""));

    public static Task DeleteAllCheckpointsAsync(PlatformFactory platform) =>
        platform.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_checkpoints"));
}

using Integration.Core.Audit;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Audit;

/// <summary>
/// Recomputes the keyed chain from the pruning anchor (or the first entry) and holds it against every
/// signed checkpoint in the checkpoint table and, when configured, the checkpoint file: an edit shows as
/// a MAC that fails, a rewrite under the key as a checkpoint that differs, and deleted last entries as a
/// checkpoint beyond the end of the chain.
/// </summary>
public sealed class AuditVerifier(IntegrationDbContext db, AuditKeyRing keys, AuditCheckpointFile file)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var result = await VerifyOnceAsync(cancellationToken);
        // Pruning between reading the anchor and reading the entries looks like missing entries; a second look settles it.
        if (!result.Valid && await db.AuditAnchors.MaxAsync(a => (long?)a.Sequence, cancellationToken) is { } anchored && anchored != result.VerifiedFromSequence)
        {
            result = await VerifyOnceAsync(cancellationToken);
        }
        return result;
    }

    private async Task<AuditVerification> VerifyOnceAsync(CancellationToken cancellationToken)
    {
        var anchor = await db.AuditAnchors.AsNoTracking().OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (anchor is not null && !anchor.IsAuthentic(keys))
        {
            return new AuditVerification(false, 0, new AuditBreak(anchor.Sequence + 1, null,
                $"The pruning anchor at entry {anchor.Sequence} is not signed with a configured key: it was forged or altered."), anchor.Sequence, null);
        }
        var walker = new AuditChainWalker(keys, anchor);
        var from = anchor?.Sequence ?? 0;
        // A checkpoint that fails its MAC is reported after any broken entry: with the wrong key configured, entry 1 is the news.
        var forged = await ExpectCheckpointsAsync(walker, cancellationToken);
        var broken = await WalkAsync(db, walker, from, long.MaxValue, cancellationToken);
        return Answer(walker, broken ?? forged ?? walker.Finish(), from);
    }

    /// <summary>Feeds the entries after <paramref name="after"/> up to <paramref name="upTo"/> to the walker, in order; the first break.</summary>
    public static async Task<AuditBreak?> WalkAsync(IntegrationDbContext db, AuditChainWalker walker, long after, long upTo, CancellationToken cancellationToken)
    {
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Sequence > after && e.Sequence <= upTo).OrderBy(e => e.Sequence)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (walker.Accept(entry) is { } broken)
            {
                return broken;
            }
        }
        return null;
    }

    private async Task<AuditBreak?> ExpectCheckpointsAsync(AuditChainWalker walker, CancellationToken cancellationToken)
    {
        foreach (var checkpoint in await db.AuditCheckpoints.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (walker.Expect(checkpoint, "checkpoint table") is { } broken)
            {
                return broken;
            }
        }
        var (published, unreadableLine) = file.Read();
        if (unreadableLine is { } line)
        {
            return new AuditBreak(0, null, $"Line {line} of the checkpoint file is not a checkpoint: the file was altered.");
        }
        return published.Select(c => walker.Expect(c, "checkpoint file")).FirstOrDefault(b => b is not null);
    }

    private static AuditVerification Answer(AuditChainWalker walker, AuditBreak? broken, long from) => new(
        broken is null, walker.EntriesChecked, broken, from,
        walker.LatestMatched is { } matched ? AuditCheckpointResponse.From(matched) : null);
}

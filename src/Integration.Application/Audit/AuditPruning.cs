using Integration.Core.Audit;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Application.Audit;

/// <summary>
/// Deletes entries older than <c>Audit:RetentionDays</c>, but only up to a signed checkpoint, which
/// becomes the signed anchor the first kept entry chains from: verification starts there and still sees
/// every change after it. Entries are deleted only once they were verified up to that checkpoint, so
/// pruning never erases the evidence of a change.
/// </summary>
public sealed class AuditPruning(
    IntegrationDbContext db, AuditKeyRing keys, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditPruning> logger)
{
    /// <summary>The new anchor, or null when retention is off, no checkpoint lies among the entries old enough, or they do not verify.</summary>
    public async Task<AuditAnchor?> PruneAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays <= 0)
        {
            return null;
        }
        var cutoff = clock.UtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var current = await db.AuditAnchors.AsNoTracking().OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken);
        var from = current?.Sequence ?? 0;
        var firstKept = await db.AuditEntries.Where(e => e.OccurredAt >= cutoff).MinAsync(e => (long?)e.Sequence, cancellationToken);
        var candidates = await db.AuditCheckpoints.AsNoTracking()
            .Where(c => c.Sequence > from && (firstKept == null || c.Sequence < firstKept))
            .OrderByDescending(c => c.Sequence)
            .ToListAsync(cancellationToken);
        if (candidates.FirstOrDefault(c => c.IsAuthentic(keys)) is not { } checkpoint)
        {
            return null;
        }
        // Outside the transaction: entries up to a checkpoint no longer change, and appends should not wait for this walk.
        if (await ProblemUpToAsync(current, checkpoint, cancellationToken) is { } problem)
        {
            logger.LogError("Audit entries were not pruned: {Problem} Verify the audit chain.", problem);
            return null;
        }
        var anchor = SignedChainHead.Sign<AuditAnchor>(checkpoint.Sequence, checkpoint.HeadHash, clock.UtcNow(), keys.Current);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await AuditLog.LockTailAsync(db, cancellationToken);
        if (await db.AuditAnchors.MaxAsync(a => (long?)a.Sequence, cancellationToken) != current?.Sequence)
        {
            return null; // another instance pruned meanwhile
        }
        db.AuditAnchors.Add(anchor);
        await db.SaveChangesAsync(cancellationToken);
        var pruned = await db.AuditEntries.Where(e => e.Sequence <= anchor.Sequence).ExecuteDeleteAsync(cancellationToken);
        await db.AuditCheckpoints.Where(c => c.Sequence < anchor.Sequence).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Pruned {Count} audit entries older than {Days} days; the chain is now anchored at entry {Sequence}",
            pruned, options.Value.RetentionDays, anchor.Sequence);
        return anchor;
    }

    private async Task<string?> ProblemUpToAsync(AuditAnchor? current, AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (current is not null && !current.IsAuthentic(keys))
        {
            return $"the anchor at entry {current.Sequence} is not signed with a configured key.";
        }
        var walker = new AuditChainWalker(keys, current);
        walker.Expect(checkpoint, "checkpoint table");
        var broken = await AuditVerifier.WalkAsync(db, walker, current?.Sequence ?? 0, checkpoint.Sequence, cancellationToken) ?? walker.Finish();
        return broken is null ? null : $"entry {broken.Sequence}: {broken.Reason}";
    }
}

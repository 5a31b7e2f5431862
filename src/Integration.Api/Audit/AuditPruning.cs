using Integration.Core.Audit;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Api.Audit;

/// <summary>
/// Deletes entries older than <c>Audit:RetentionDays</c>, but only up to a signed checkpoint, which
/// becomes the signed anchor the first kept entry chains from: verification starts there and still sees
/// every change after it.
/// </summary>
public sealed class AuditPruning(
    IntegrationDbContext db, AuditKeyRing keys, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditPruning> logger)
{
    /// <summary>The new anchor, or null when retention is off or no checkpoint lies among the entries old enough.</summary>
    public async Task<AuditAnchor?> PruneAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays <= 0)
        {
            return null;
        }
        var cutoff = clock.UtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await AuditLog.LockTailAsync(db, cancellationToken);
        var firstKept = await db.AuditEntries.Where(e => e.OccurredAt >= cutoff).MinAsync(e => (long?)e.Sequence, cancellationToken);
        var current = await db.AuditAnchors.MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0;
        var candidates = await db.AuditCheckpoints.AsNoTracking()
            .Where(c => c.Sequence > current && (firstKept == null || c.Sequence < firstKept))
            .OrderByDescending(c => c.Sequence)
            .ToListAsync(cancellationToken);
        if (candidates.FirstOrDefault(c => c.IsAuthentic(keys)) is not { } checkpoint)
        {
            return null;
        }
        var head = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == checkpoint.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
        if (head != checkpoint.HeadHash)
        {
            logger.LogError("Audit entries were not pruned: entry {Sequence} does not match its signed checkpoint. Verify the audit chain.", checkpoint.Sequence);
            return null;
        }
        var anchor = AuditAnchor.Sign(checkpoint.Sequence, checkpoint.HeadHash, clock.UtcNow(), keys.Current);
        db.AuditAnchors.Add(anchor);
        await db.SaveChangesAsync(cancellationToken);
        var pruned = await db.AuditEntries.Where(e => e.Sequence <= anchor.Sequence).ExecuteDeleteAsync(cancellationToken);
        await db.AuditCheckpoints.Where(c => c.Sequence < anchor.Sequence).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Pruned {Count} audit entries older than {Days} days; the chain is now anchored at entry {Sequence}",
            pruned, options.Value.RetentionDays, anchor.Sequence);
        return anchor;
    }
}

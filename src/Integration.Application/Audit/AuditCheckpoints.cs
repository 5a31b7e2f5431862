using Integration.Core.Audit;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Audit;

/// <summary>
/// Signs the chain's head and publishes it outside the entries table: the checkpoint table, the log
/// stream (event <c>AuditCheckpoint</c>) and, when configured, the checkpoint file.
/// </summary>
public sealed class AuditCheckpoints(
    IntegrationDbContext db, AuditKeyRing keys, AuditCheckpointFile file, TimeProvider clock, ILogger<AuditCheckpoints> logger)
{
    public static readonly EventId Published = new(1801, "AuditCheckpoint");

    /// <summary>The checkpoint of the current head: the one already written if the head has not moved since, else a new one. Null for an empty chain.</summary>
    public async Task<AuditCheckpoint?> CheckpointAsync(CancellationToken cancellationToken)
    {
        var (sequence, headHash) = await AuditLog.HeadAsync(db, cancellationToken);
        if (sequence == 0)
        {
            return null;
        }
        if (await StoredAsync(sequence, cancellationToken) is { } stored)
        {
            return stored;
        }
        var checkpoint = SignedChainHead.Sign<AuditCheckpoint>(sequence, headHash, clock.UtcNow(), keys.Current);
        db.AuditCheckpoints.Add(checkpoint);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("PK_audit_checkpoints", "audit_checkpoints.Sequence"))
        {
            // Another instance checkpointed the same head first: its row states the same fact, and it published it.
            db.ChangeTracker.Clear();
            return await StoredAsync(sequence, cancellationToken);
        }
        Publish(checkpoint);
        return checkpoint;
    }

    private Task<AuditCheckpoint?> StoredAsync(long sequence, CancellationToken cancellationToken) =>
        db.AuditCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Sequence == sequence, cancellationToken);

    private void Publish(AuditCheckpoint checkpoint)
    {
        logger.LogInformation(Published,
            "Audit checkpoint: entry {Sequence} head {HeadHash} signed {SignedAt:O} with key {KeyId}, MAC {Mac}",
            checkpoint.Sequence, checkpoint.HeadHash, checkpoint.SignedAt, checkpoint.KeyId, checkpoint.Mac);
        try
        {
            file.Append(checkpoint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Audit checkpoint {Sequence} could not be appended to {Path}; it is in the log stream and the checkpoint table",
                checkpoint.Sequence, file.Path);
        }
    }
}

using Integration.Core.Audit;

namespace Integration.Application.Audit;

/// <summary>
/// The answer of <c>GET /admin/v1/audit-entries/verification</c>. <c>entriesChecked</c> counts the
/// entries after <c>verifiedFromSequence</c> (the pruning anchor, or 0 for the whole chain);
/// <c>latestCheckpoint</c> is the latest signed checkpoint the entries were found to agree with.
/// </summary>
public sealed record AuditVerification(
    bool Valid, long EntriesChecked, AuditBreak? FirstBrokenEntry, long VerifiedFromSequence, AuditCheckpointResponse? LatestCheckpoint);

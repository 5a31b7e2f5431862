using Integration.Core.Audit;

namespace Integration.Application.Audit;

/// <summary>
/// The answer of <c>GET /admin/v1/audit-entries/verification</c>. <see cref="EntriesChecked"/> counts the
/// entries after <see cref="VerifiedFromSequence"/> (the pruning anchor, or 0 for the whole chain);
/// <see cref="LatestCheckpoint"/> is the latest signed checkpoint the entries were found to agree with.
/// </summary>
public sealed record AuditVerification(
    bool Valid, long EntriesChecked, AuditBreak? FirstBrokenEntry, long VerifiedFromSequence, AuditCheckpointResponse? LatestCheckpoint);

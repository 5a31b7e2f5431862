namespace Integration.Core.Audit;

/// <summary>
/// Where the chain stops following from what came before, in plain words. <see cref="EntryId"/> is
/// null when the entry at <see cref="Sequence"/> is missing (deleted from the end of the chain).
/// </summary>
public sealed record AuditBreak(long Sequence, string? EntryId, string Reason);

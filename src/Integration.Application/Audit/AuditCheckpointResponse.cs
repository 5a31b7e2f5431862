using Integration.Core.Audit;

namespace Integration.Application.Audit;

/// <summary>A signed checkpoint: the chain had reached <c>sequence</c> with head hash <c>headHash</c>.</summary>
public sealed record AuditCheckpointResponse(long Sequence, string HeadHash, DateTimeOffset SignedAt, string KeyId, string Mac)
{
    public static AuditCheckpointResponse From(AuditCheckpoint c) => new(c.Sequence, c.HeadHash, c.SignedAt, c.KeyId, c.Mac);
}

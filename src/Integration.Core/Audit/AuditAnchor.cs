namespace Integration.Core.Audit;

/// <summary>
/// Where the chain starts after pruning: the checkpointed sequence and head hash the first kept entry
/// chains from; <see cref="SignedChainHead.SignedAt"/> is when the entries up to it were pruned.
/// </summary>
public sealed class AuditAnchor : SignedChainHead
{
    private const string Kind = "anchor";

    protected override string Domain => Kind;

    public static AuditAnchor Sign(long sequence, string headHash, DateTimeOffset signedAt, AuditChainKey key) => new()
    {
        Sequence = sequence, HeadHash = headHash, SignedAt = signedAt, KeyId = key.Id, Mac = MacOf(Kind, sequence, headHash, signedAt, key),
    };
}

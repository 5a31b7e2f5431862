namespace Integration.Core.Audit;

/// <summary>
/// Published outside the entries table (log stream, checkpoint file, checkpoint table), it shows later
/// truncation or rewriting. Two instances that checkpoint the same sequence state the same fact.
/// </summary>
public sealed class AuditCheckpoint : SignedChainHead
{
    private const string Kind = "checkpoint";

    protected override string Domain => Kind;

    public static AuditCheckpoint Sign(long sequence, string headHash, DateTimeOffset signedAt, AuditChainKey key) => new()
    {
        Sequence = sequence, HeadHash = headHash, SignedAt = signedAt, KeyId = key.Id, Mac = MacOf(Kind, sequence, headHash, signedAt, key),
    };
}

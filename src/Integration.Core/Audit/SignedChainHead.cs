namespace Integration.Core.Audit;

/// <summary>
/// A signed statement that the chain had reached <see cref="Sequence"/> with head hash <see cref="HeadHash"/>.
/// Each kind signs in its own domain, so one kind cannot be passed off as another.
/// </summary>
public abstract class SignedChainHead
{
    public long Sequence { get; init; }
    public required string HeadHash { get; init; }
    public DateTimeOffset SignedAt { get; init; }
    public required string KeyId { get; init; }
    public required string Mac { get; init; }

    protected abstract string Domain { get; }

    public bool IsAuthentic(AuditKeyRing keys) =>
        keys.Find(KeyId) is { } key && key.Verifies(SignedText(Domain, Sequence, HeadHash, SignedAt, KeyId), Mac);

    protected static string MacOf(string domain, long sequence, string headHash, DateTimeOffset signedAt, AuditChainKey key) =>
        key.Sign(SignedText(domain, sequence, headHash, signedAt, key.Id));

    private static string SignedText(string domain, long sequence, string headHash, DateTimeOffset signedAt, string keyId) =>
        AuditChain.Canonical(domain, sequence, headHash, signedAt, keyId);
}

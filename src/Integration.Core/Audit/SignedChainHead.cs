namespace Integration.Core.Audit;

/// <summary>
/// A signed statement that the chain had reached <see cref="Sequence"/> with head hash <see cref="HeadHash"/>.
/// Each kind signs in its own domain, so one kind cannot be passed off as another.
/// </summary>
public abstract class SignedChainHead
{
    public long Sequence { get; init; }
    public string HeadHash { get; init; } = "";
    public DateTimeOffset SignedAt { get; init; }
    public string KeyId { get; init; } = "";
    public string Mac { get; set; } = "";

    protected abstract string Domain { get; }

    public static T Sign<T>(long sequence, string headHash, DateTimeOffset signedAt, AuditChainKey key) where T : SignedChainHead, new()
    {
        var head = new T { Sequence = sequence, HeadHash = headHash, SignedAt = signedAt, KeyId = key.Id };
        head.Mac = key.Sign(head.SignedText());
        return head;
    }

    public bool IsAuthentic(AuditKeyRing keys) => keys.Find(KeyId) is { } key && key.Verifies(SignedText(), Mac);

    private string SignedText() => AuditChain.Canonical(Domain, Sequence, HeadHash, SignedAt, KeyId);
}

namespace Integration.Core.Audit;

/// <summary>The current key signs; every configured key verifies what it signed, so a rotation keeps old entries checkable.</summary>
public sealed class AuditKeyRing
{
    private readonly Dictionary<string, AuditChainKey> _keys;

    public AuditKeyRing(IEnumerable<AuditChainKey> keys, string currentId)
    {
        _keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        Current = _keys.TryGetValue(currentId, out var current)
            ? current
            : throw new ArgumentException($"The current audit chain key '{currentId}' is not among the configured keys.", nameof(currentId));
    }

    public AuditChainKey Current { get; }

    public AuditChainKey? Find(string id) => _keys.GetValueOrDefault(id);
}

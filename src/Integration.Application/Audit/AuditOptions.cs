using Integration.Core.Audit;

namespace Integration.Application.Audit;

/// <summary>The audit log's keys, checkpoints and retention (docs/operations.md › Audit log).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";
    private const int MinimumKeyBytes = 32;
    private const int MaximumKeyIdLength = 40;

    /// <summary>
    /// Keys the chain is MACed with, kept outside the database. Required outside Development; a rotation adds a
    /// key and makes it current, and the old ones stay for the entries they signed.
    /// </summary>
    public List<AuditChainKeyOptions> ChainKeys { get; set; } = [];

    /// <summary>The key new entries, checkpoints and anchors are signed with; may be left out when there is one key.</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>Where checkpoints are also appended, one JSON line each; best on storage the database's administrators cannot rewrite.</summary>
    public string? CheckpointDirectory { get; set; }

    /// <summary>How often a checkpoint is written when the chain has grown; zero turns the periodic checkpoints off.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Entries older than this many days are pruned up to a checkpoint; zero keeps them forever.</summary>
    public int RetentionDays { get; set; }

    /// <summary>Why these settings cannot be used, or null. Never names a key's value.</summary>
    public string? Problem(bool keysRequired)
    {
        if (CheckpointInterval < TimeSpan.Zero)
        {
            return "Audit:CheckpointInterval must not be negative (zero turns periodic checkpoints off).";
        }
        if (RetentionDays < 0)
        {
            return "Audit:RetentionDays must not be negative (zero keeps entries forever).";
        }
        if (ChainKeys.Count == 0)
        {
            return keysRequired
                ? "Audit:ChainKeys is not set. Outside Development the audit log needs a key kept outside the database: "
                  + "Audit:ChainKeys:0:Id and Audit:ChainKeys:0:Key (32 random bytes or more, base64), and Audit:CurrentKeyId "
                  + "naming the key that signs. Every instance needs the same keys. See docs/operations.md."
                : null;
        }
        for (var i = 0; i < ChainKeys.Count; i++)
        {
            var key = ChainKeys[i];
            if (string.IsNullOrWhiteSpace(key.Id) || key.Id.Length > MaximumKeyIdLength)
            {
                return $"Audit:ChainKeys:{i}:Id must be set and at most {MaximumKeyIdLength} characters.";
            }
            if (Secret(key) is not { Length: >= MinimumKeyBytes })
            {
                return $"Audit:ChainKeys:{i}:Key (key '{key.Id}') must be base64 of at least {MinimumKeyBytes} random bytes.";
            }
        }
        if (ChainKeys.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count() != ChainKeys.Count)
        {
            return "Audit:ChainKeys names a key id twice.";
        }
        if (CurrentId() is not { } current || ChainKeys.All(k => k.Id != current))
        {
            return "Audit:CurrentKeyId must name one of Audit:ChainKeys (it may be left out only when there is one key).";
        }
        return null;
    }

    /// <summary>The configured keys; call only once <see cref="Problem"/> has found nothing.</summary>
    public AuditKeyRing ToKeyRing() =>
        new(ChainKeys.Select(k => new AuditChainKey(k.Id, Secret(k)!)), CurrentId()!);

    private string? CurrentId() => string.IsNullOrWhiteSpace(CurrentKeyId) && ChainKeys.Count == 1 ? ChainKeys[0].Id : CurrentKeyId;

    private static byte[]? Secret(AuditChainKeyOptions key)
    {
        var buffer = new byte[key.Key.Length];
        return Convert.TryFromBase64String(key.Key, buffer, out var written) ? buffer[..written] : null;
    }
}

namespace Integration.Core.Audit;

/// <summary>One append-only record of an internal action or credential event, chained to the one before.</summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; init; }
    public required string Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public required string Target { get; init; }
    public required string Outcome { get; init; }
    public string? Details { get; init; }
    public required string PreviousHash { get; init; }
    /// <summary>HMAC-SHA256 under <see cref="KeyId"/>; plain SHA-256 for entries written before the chain was keyed.</summary>
    public required string Hash { get; set; }
    /// <summary>The chain key the entry was MACed with; null for legacy entries.</summary>
    public string? KeyId { get; init; }
}

namespace Integration.Core.Audit;

/// <summary>
/// Where the chain starts after pruning: the checkpointed sequence and head hash the first kept entry
/// chains from; <see cref="SignedChainHead.SignedAt"/> is when the entries up to it were pruned.
/// </summary>
public sealed class AuditAnchor : SignedChainHead
{
    protected override string Domain => "anchor";
}

namespace Integration.Core.Audit;

/// <summary>
/// Published outside the entries table (log stream, checkpoint file, checkpoint table), it shows later
/// truncation or rewriting. Two instances that checkpoint the same sequence state the same fact.
/// </summary>
public sealed class AuditCheckpoint : SignedChainHead
{
    protected override string Domain => "checkpoint";
}

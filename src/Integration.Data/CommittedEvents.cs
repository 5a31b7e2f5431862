namespace Integration.Data;

/// <summary>
/// Tells this host that a transaction which appended events has committed, so that webhook delivery
/// starts at once instead of at the next poll. One per host (not static): two hosts in one process
/// are two instances, and only the host that committed hears it here.
/// </summary>
public sealed class CommittedEvents
{
    public event Action? Committed;

    internal void Raise() => Committed?.Invoke();
}

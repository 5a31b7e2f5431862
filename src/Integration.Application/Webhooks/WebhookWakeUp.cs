using Integration.Application.Cluster;
using Integration.Data;

namespace Integration.Application.Webhooks;

/// <summary>
/// Wakes the webhook dispatchers of every instance when any instance commits events, so that a
/// delivery starts at once on whichever instance is free. Without Redis only this instance's
/// dispatcher is woken; the others find the events at their next poll.
/// </summary>
public sealed class WebhookWakeUp
{
    private const string Topic = "webhooks:events-committed";
    private readonly ClusterSignals _signals;

    public WebhookWakeUp(CommittedEvents committed, ClusterSignals signals)
    {
        _signals = signals;
        committed.Committed += () => signals.Publish(Topic, "");
    }

    public void OnWake(Action wake) => _signals.Subscribe(Topic, _ => wake());
}

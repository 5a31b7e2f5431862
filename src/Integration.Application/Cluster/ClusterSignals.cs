using System.Collections.Concurrent;
using Integration.Core.Common;
using StackExchange.Redis;

namespace Integration.Application.Cluster;

/// <summary>
/// Short messages between instances ("forget credential X", "deliveries are waiting"). A signal
/// reaches this instance's subscribers at once, and every other instance's through Redis pub/sub
/// when Redis is configured. Delivery is best effort: what listens to a signal must also converge
/// without it (bounded cache lifetimes, a database poll as a backstop).
/// </summary>
public sealed class ClusterSignals(RedisConnection redis, ILogger<ClusterSignals> logger)
{
    private const char Separator = '|';
    private readonly ConcurrentDictionary<string, List<Action<string>>> _handlers = new();

    /// <summary>This process's name in signals, so that it ignores the echo of its own.</summary>
    public string InstanceId { get; } = Ids.New("inst", 12);

    public void Subscribe(string topic, Action<string> handler)
    {
        var handlers = _handlers.GetOrAdd(topic, _ => []);
        bool first;
        lock (handlers)
        {
            first = handlers.Count == 0;
            handlers.Add(handler);
        }
        if (first && redis.IsConfigured)
        {
            _ = SubscribeRemoteAsync(topic);
        }
    }

    public void Publish(string topic, string message)
    {
        Dispatch(topic, message);
        if (redis.IsAvailable && redis.Subscriber is { } subscriber)
        {
            subscriber.Publish(redis.Channel("signal:" + topic), InstanceId + Separator + message, CommandFlags.FireAndForget);
        }
    }

    private async Task SubscribeRemoteAsync(string topic)
    {
        if (await redis.ConnectedAsync is not { } multiplexer)
        {
            return;
        }
        // Kept across reconnects by the multiplexer.
        await multiplexer.GetSubscriber().SubscribeAsync(redis.Channel("signal:" + topic), (_, value) =>
        {
            var text = (string?)value ?? "";
            var split = text.IndexOf(Separator);
            if (split < 0 || text.AsSpan(0, split).SequenceEqual(InstanceId))
            {
                return;
            }
            Dispatch(topic, text[(split + 1)..]);
        });
    }

    private void Dispatch(string topic, string message)
    {
        if (!_handlers.TryGetValue(topic, out var handlers))
        {
            return;
        }
        Action<string>[] snapshot;
        lock (handlers)
        {
            snapshot = [.. handlers];
        }
        foreach (var handler in snapshot)
        {
            try
            {
                handler(message);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A handler of cluster signal {Topic} failed", topic);
            }
        }
    }
}

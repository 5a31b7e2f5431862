using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Integration.Application.Cluster;

/// <summary>
/// The one connection to Redis, opened in the background so that start-up never waits for Redis
/// and reconnecting by itself. <see cref="Database"/> is null while Redis is not configured or not
/// reachable: callers then fall back to their per-instance behaviour. A change of reachability is
/// logged once, not per request.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly ILogger<RedisConnection> _logger;
    private readonly Task<ConnectionMultiplexer?> _connecting;
    private ConnectionMultiplexer? _multiplexer;
    private int _reported = -1; // -1 unknown, 0 down, 1 up

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        Options = options.Value;
        _connecting = Options.IsConfigured ? ConnectAsync() : Task.FromResult<ConnectionMultiplexer?>(null);
    }

    public RedisOptions Options { get; }

    public bool IsConfigured => Options.IsConfigured;

    /// <summary>Redis is configured and answering now.</summary>
    public bool IsAvailable => _multiplexer is { IsConnected: true };

    /// <summary>The database while Redis answers; null otherwise (fall back).</summary>
    public IDatabase? Database => IsAvailable ? _multiplexer!.GetDatabase() : null;

    /// <summary>Pub/sub, once the first connection attempt has finished (it subscribes again after reconnecting).</summary>
    public ISubscriber? Subscriber => _multiplexer?.GetSubscriber();

    /// <summary>Waits for the first connection attempt (not for Redis to be up).</summary>
    public Task<ConnectionMultiplexer?> ConnectedAsync => _connecting;

    public RedisKey Key(string name) => Options.KeyPrefix + name;

    public RedisChannel Channel(string name) => RedisChannel.Literal(Options.KeyPrefix + name);

    private async Task<ConnectionMultiplexer?> ConnectAsync()
    {
        var configuration = ConfigurationOptions.Parse(Options.Configuration!);
        configuration.AbortOnConnectFail = false; // keep trying in the background
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 1000);
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 1000);
        configuration.ClientName ??= "integration-" + Environment.MachineName;
        try
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
            multiplexer.ConnectionFailed += (_, e) => Report(false, e.Exception?.Message ?? e.FailureType.ToString());
            multiplexer.ConnectionRestored += (_, _) => Report(true, null);
            _multiplexer = multiplexer;
            Report(multiplexer.IsConnected, multiplexer.IsConnected ? null : "not reachable at start-up");
            return multiplexer;
        }
        catch (Exception e)
        {
            // Only a malformed configuration gets here (AbortOnConnectFail is off).
            _logger.LogError(e, "Redis could not be set up; running on per-instance state");
            return null;
        }
    }

    private void Report(bool up, string? why)
    {
        if (Interlocked.Exchange(ref _reported, up ? 1 : 0) == (up ? 1 : 0))
        {
            return;
        }
        if (up)
        {
            _logger.LogInformation("Redis is reachable: shared rate limits, cache invalidation and wake-ups are on");
        }
        else
        {
            _logger.LogWarning("Redis is unreachable ({Reason}): falling back to per-instance limits and database reads until it returns", why);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (await _connecting is { } multiplexer)
        {
            await multiplexer.DisposeAsync();
        }
    }
}

using System.Globalization;
using Integration.Application.Cluster;
using Integration.Core.Common;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Integration.Application.Settlement;

/// <summary>
/// The bank gateway's circuit breaker. It counts the calls that reached the gateway — never the ones it
/// refused itself — over a sampling window; once at least <c>CircuitMinimumThroughput</c> calls were made
/// and the failed share reaches <c>CircuitFailureRatio</c>, it opens for <c>CircuitBreakDuration</c>.
/// While it is open <see cref="BankGateway"/> answers <see cref="GatewayOutcome.NotAttempted"/> without a
/// call, and the payout waits for the break to end without spending an attempt. The first call after a
/// break is a probe: if it fails the circuit opens again at once, if it succeeds the window starts afresh.
/// <para>
/// The moment the circuit is open until is shared through Redis when it is configured (key
/// <c>settlement:bank-gateway:circuit-open-until</c>, Unix milliseconds), so an instance that opened it
/// keeps every other instance off the gateway too; the failure counts stay per instance. Without Redis,
/// or while it is unreachable, each instance has its own circuit.
/// </para>
/// Times are the host's <see cref="TimeProvider"/>: real time in production, the test clock in tests.
/// </summary>
public sealed class GatewayCircuit(TimeProvider clock, IOptions<SettlementOptions> options, RedisConnection redis, ILogger<GatewayCircuit> logger)
{
    public const string RedisKeyName = "settlement:bank-gateway:circuit-open-until";

    // Only this script writes the key: it never shortens a break another instance began.
    private const string ExtendScript = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) > current then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        end
        return 0
        """;

    private readonly Lock _lock = new();
    private readonly Queue<(DateTimeOffset At, bool Failed)> _window = new();
    private DateTimeOffset? _openUntil;
    private bool _probing;

    private BankGatewayOptions Settings => options.Value.BankGateway;

    /// <summary>The calls counted now (refusals while open are not calls).</summary>
    public CircuitWindow Window
    {
        get
        {
            lock (_lock)
            {
                Trim(clock.UtcNow());
                return new CircuitWindow(_window.Count, _window.Count(c => c.Failed));
            }
        }
    }

    /// <summary>
    /// When the circuit is open (on this instance, or on another one through Redis), the moment it
    /// closes; null when calls may go through. Never throws for Redis: unreachable means "this instance's view".
    /// </summary>
    public async Task<DateTimeOffset?> OpenUntilAsync(CancellationToken cancellationToken)
    {
        var shared = await ReadSharedAsync();
        var now = clock.UtcNow();
        lock (_lock)
        {
            if (shared > now && (_openUntil is null || shared > _openUntil))
            {
                // Another instance opened it: keep it here too, so a Redis outage during the break changes nothing.
                _openUntil = shared;
            }
            if (_openUntil is { } until)
            {
                if (until > now)
                {
                    return until;
                }
                _openUntil = null;
                _probing = true;
                logger.LogInformation("Bank gateway circuit: break over, the next call probes the gateway");
            }
            return null;
        }
    }

    /// <summary>Counts a call that reached the gateway (or tried to): <paramref name="failed"/> for 5xx, 408, 429, timeouts and network errors.</summary>
    public async Task RecordAsync(bool failed)
    {
        DateTimeOffset? opened = null;
        lock (_lock)
        {
            var now = clock.UtcNow();
            Trim(now);
            if (_probing)
            {
                _probing = false;
                if (failed)
                {
                    opened = Open(now, "the probe after a break failed");
                }
                else
                {
                    _window.Clear();
                    logger.LogInformation("Bank gateway circuit closed: the probe after a break succeeded");
                }
            }
            if (opened is null)
            {
                _window.Enqueue((now, failed));
                var failures = _window.Count(c => c.Failed);
                if (failed && _openUntil is null && _window.Count >= Settings.CircuitMinimumThroughput
                    && failures >= Settings.CircuitFailureRatio * _window.Count)
                {
                    opened = Open(now, $"{failures} of {_window.Count} calls failed within {Settings.CircuitSamplingDuration}");
                }
            }
        }
        if (opened is { } until)
        {
            await ShareAsync(until);
        }
    }

    private DateTimeOffset Open(DateTimeOffset now, string why)
    {
        var until = now + Settings.CircuitBreakDuration;
        _openUntil = until;
        logger.LogWarning("Bank gateway circuit open until {OpenUntil:O} ({Reason}): payouts wait without spending attempts", until, why);
        return until;
    }

    private void Trim(DateTimeOffset now)
    {
        while (_window.TryPeek(out var oldest) && oldest.At <= now - Settings.CircuitSamplingDuration)
        {
            _window.Dequeue();
        }
    }

    private async Task<DateTimeOffset?> ReadSharedAsync()
    {
        if (redis.Database is not { } database)
        {
            return null;
        }
        try
        {
            var value = await database.StringGetAsync(redis.Key(RedisKeyName));
            return value.HasValue && long.TryParse((string?)value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null; // RedisConnection reports the outage; this instance's circuit decides meanwhile
        }
    }

    private async Task ShareAsync(DateTimeOffset until)
    {
        if (redis.Database is not { } database)
        {
            return;
        }
        try
        {
            // The key outlives the break a little (Redis expires on real time), then disappears by itself.
            var keep = (long)(Settings.CircuitBreakDuration + TimeSpan.FromMinutes(1)).TotalMilliseconds;
            await database.ScriptEvaluateAsync(ExtendScript, [redis.Key(RedisKeyName)],
                [until.ToUnixTimeMilliseconds(), keep]);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning("Bank gateway circuit: could not share the open circuit through Redis ({Error}); other instances decide on their own", e.GetType().Name);
        }
    }
}

using System.Globalization;
using Integration.Application.Cluster;
using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace Integration.Api.RateLimiting;

/// <summary>
/// Buckets shared by every instance: one Lua script refills by Redis's own clock (so instances'
/// clocks do not matter), takes tokens and stores the bucket, atomically. Keys expire once an idle
/// bucket would be full again. Requests for a bucket that arrive while its script runs go together
/// in the next run (as group commit does for orders), so a busy partner costs one round trip per
/// batch, not per request; each request still gets the answer it would have got alone.
/// A run also takes a small reserve for this instance (a twentieth of the burst, at most 100 tokens,
/// none below a burst of 20), which the next requests spend without a round trip; a reserve unused
/// for a second is given up. With N instances a burst can therefore fall short of the budget by at
/// most N reserves (5% each), never exceed it.
/// </summary>
public sealed class RedisTokenBuckets(RedisConnection redis) : IDisposable
{
    private static readonly TimeSpan ReserveKeptFor = TimeSpan.FromSeconds(1);
    private readonly MemoryCache _reserves = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    // KEYS[1] bucket; ARGV[1] permits per second, ARGV[2] burst, ARGV[3] tokens wanted (0: only look).
    // Returns {granted, tokens left}, the latter as text (Redis would truncate a number).
    private const string Script = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local wanted = tonumber(ARGV[3])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then
          tokens = burst
          at = now
        end
        tokens = math.min(burst, tokens)
        if now > at then
          tokens = math.min(burst, tokens + (now - at) * rate / 1000)
          at = now
        end
        local granted = math.min(wanted, math.floor(tokens))
        tokens = tokens - granted
        if wanted > 0 then
          redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', at))
          redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
        end
        return { granted, string.format('%.17g', tokens) }
        """;

    // A bucket's key is here while its script runs; the value is the batch waiting for the next run.
    private readonly Dictionary<string, Batch?> _running = [];

    public async Task<RateLimitDecision> TakeAsync(IDatabase database, RateLimitPolicy policy)
    {
        if (ReserveSize(policy) > 0 && _reserves.TryGetValue(policy.PartitionKey, out Reserve? reserve) && reserve!.TryTake(out var reserved))
        {
            return reserved;
        }
        Batch batch;
        int place;
        var start = false;
        lock (_running)
        {
            if (_running.TryGetValue(policy.PartitionKey, out var waiting))
            {
                batch = waiting ?? new Batch(policy);
                _running[policy.PartitionKey] = batch;
            }
            else
            {
                batch = new Batch(policy);
                _running.Add(policy.PartitionKey, null);
                start = true;
            }
            place = batch.Wanted++;
        }
        if (start)
        {
            _ = RunAsync(database, batch);
        }
        var (granted, tokensLeft) = await batch.Done.Task;
        // As if the batch's requests had come one after another: the first ones get the tokens.
        return place < granted
            ? new RateLimitDecision(true, tokensLeft + (granted - 1 - place))
            : new RateLimitDecision(false, tokensLeft);
    }

    /// <summary>Whether the shared bucket has a whole token now, taking none.</summary>
    public async Task<RateLimitDecision> PeekAsync(IDatabase database, RateLimitPolicy policy)
    {
        var answer = (RedisResult[])(await database.ScriptEvaluateAsync(Script,
            [redis.Key("rate:" + policy.PartitionKey)], [policy.PermitsPerSecond, policy.Burst, 0]))!;
        var tokens = double.Parse((string)answer[1]!, CultureInfo.InvariantCulture);
        return new RateLimitDecision(tokens >= 1, tokens);
    }

    private async Task RunAsync(IDatabase database, Batch batch)
    {
        while (true)
        {
            try
            {
                // A reserve still holding tokens stays: requests queued behind the run that took it never saw it, and
                // replacing it would throw its tokens away.
                var reserveSize = _reserves.TryGetValue(batch.Policy.PartitionKey, out Reserve? kept) && kept!.HasTokens
                    ? 0
                    : ReserveSize(batch.Policy);
                var answer = (RedisResult[])(await database.ScriptEvaluateAsync(Script,
                    [redis.Key("rate:" + batch.Policy.PartitionKey)],
                    [batch.Policy.PermitsPerSecond, batch.Policy.Burst, batch.Wanted + reserveSize]))!;
                var granted = (int)answer[0];
                var tokensLeft = double.Parse((string)answer[1]!, CultureInfo.InvariantCulture);
                var toRequests = Math.Min(granted, batch.Wanted);
                if (granted > toRequests)
                {
                    _reserves.Set(batch.Policy.PartitionKey, new Reserve(granted - toRequests, tokensLeft),
                        new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ReserveKeptFor });
                }
                // The requests' answers count the reserve as still in the bucket: it is this instance's to spend next.
                batch.Done.SetResult((toRequests, tokensLeft + (granted - toRequests)));
            }
            catch (Exception e)
            {
                batch.Done.SetException(e);
            }
            lock (_running)
            {
                if (_running[batch.Policy.PartitionKey] is not { } next)
                {
                    _running.Remove(batch.Policy.PartitionKey);
                    return;
                }
                _running[batch.Policy.PartitionKey] = null;
                batch = next;
            }
        }
    }

    private sealed class Batch(RateLimitPolicy policy)
    {
        public RateLimitPolicy Policy { get; } = policy;

        /// <summary>Requests in the batch; fixed once its run starts (later ones join the next batch).</summary>
        public int Wanted { get; set; }

        public TaskCompletionSource<(int Granted, double TokensLeft)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static int ReserveSize(RateLimitPolicy policy) => policy.Burst < 20 ? 0 : Math.Min(100, policy.Burst / 20);

    public void Dispose() => _reserves.Dispose();

    /// <summary>Tokens this instance took from the shared bucket ahead of its requests.</summary>
    private sealed class Reserve(int tokens, double sharedLeft)
    {
        private int _tokens = tokens;

        public bool HasTokens => Volatile.Read(ref _tokens) > 0;

        public bool TryTake(out RateLimitDecision decision)
        {
            var left = Interlocked.Decrement(ref _tokens);
            decision = new RateLimitDecision(true, sharedLeft + Math.Max(0, left));
            return left >= 0;
        }
    }
}

using System.Globalization;
using Integration.Api.Cluster;
using StackExchange.Redis;

namespace Integration.Api.RateLimiting;

/// <summary>
/// Buckets shared by every instance: one Lua script refills by Redis's own clock (so instances'
/// clocks do not matter), takes a token and stores the bucket, atomically. Keys expire once an idle
/// bucket would be full again.
/// </summary>
public sealed class RedisTokenBuckets(RedisConnection redis)
{
    // KEYS[1] bucket; ARGV[1] permits per second, ARGV[2] burst. Returns {allowed, tokens left}.
    private const string Script = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
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
        local allowed = 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        end
        redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', at))
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
        return { allowed, string.format('%.17g', tokens) }
        """;

    public async Task<RateLimitDecision> TakeAsync(IDatabase database, RateLimitPolicy policy)
    {
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(Script,
            [redis.Key("rate:" + policy.PartitionKey)], [policy.PermitsPerSecond, policy.Burst]))!;
        return new RateLimitDecision((int)result[0] == 1, double.Parse((string)result[1]!, CultureInfo.InvariantCulture));
    }
}

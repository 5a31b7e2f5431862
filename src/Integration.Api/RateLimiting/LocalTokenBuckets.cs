using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Integration.Api.RateLimiting;

/// <summary>
/// Buckets in this instance's memory, on the platform clock: the only buckets without Redis, the
/// fallback while it is unreachable. At most <see cref="RateLimitOptions.MaxLocalBuckets"/> are
/// kept; an idle bucket is dropped once it would have refilled anyway.
/// </summary>
public sealed class LocalTokenBuckets : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly MemoryCache _buckets;

    public LocalTokenBuckets(TimeProvider clock, IOptions<RateLimitOptions> options)
    {
        _clock = clock;
        _buckets = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MaxLocalBuckets });
    }

    public RateLimitDecision Take(RateLimitPolicy policy)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        // When the cache is full a new bucket is not kept; that caller starts full each time until compaction makes room.
        var holder = _buckets.GetOrCreate(policy.PartitionKey, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromSeconds(policy.WindowSeconds + 60);
            return new Holder(TokenBucket.Full(policy, now));
        })!;
        lock (holder)
        {
            (holder.Bucket, var decision) = holder.Bucket.Take(policy, now);
            return decision;
        }
    }

    public RateLimitDecision Peek(RateLimitPolicy policy)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (!_buckets.TryGetValue(policy.PartitionKey, out Holder? holder))
        {
            return new RateLimitDecision(true, policy.Burst);
        }
        lock (holder!)
        {
            return holder.Bucket.Peek(policy, now);
        }
    }

    public void Dispose() => _buckets.Dispose();

    private sealed class Holder(TokenBucket bucket)
    {
        public TokenBucket Bucket { get; set; } = bucket;
    }
}

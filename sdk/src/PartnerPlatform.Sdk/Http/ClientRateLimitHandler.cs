using System.Threading.RateLimiting;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// Inside the retries, so every attempt waits for a permit of the caller's limiter
/// (<see cref="PartnerClientOptions.RateLimiter"/>); above the bearer token, so token requests do not.
/// </summary>
internal sealed class ClientRateLimitHandler(RateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
            throw new PartnerRateLimitedException(
                $"{request.Method} {request.RequestUri} was not sent: the client-side rate limiter (PartnerClientOptions.RateLimiter) has no permit and will not queue it.",
                null, null, retryAfter);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

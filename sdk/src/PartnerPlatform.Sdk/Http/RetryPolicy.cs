using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// Retries (Polly, through Microsoft.Extensions.Http.Resilience) with jittered exponential back-off,
/// honouring <c>Retry-After</c> with jitter — API calls and token requests alike: network errors, 409 <c>idempotency_key_in_use</c>, 429 and 5xx. A POST
/// keeps its Idempotency-Key across attempts, so a retry can never create a second order.
/// </summary>
internal static class RetryPolicy
{
    public static ResiliencePipeline<HttpResponseMessage> For(PartnerClientOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldRetryAfterHeader = false, // honoured below, with jitter
                DelayGenerator = args => ValueTask.FromResult(RetryAfterWithJitter(args.Outcome.Result)),
                ShouldHandle = args => options.MaxRetries == 0 ? ValueTask.FromResult(false) : ShouldRetryAsync(args.Outcome),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose(); // the answer that is retried is never read
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>
    /// The server's <c>Retry-After</c> plus up to a fifth of it more (at most a second), so that many
    /// clients told the same time do not all come back in the same instant; none without the header.
    /// </summary>
    internal static TimeSpan? RetryAfterWithJitter(HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }
        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero);
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }
        var spread = TimeSpan.FromTicks(Math.Min(wait.Ticks / 5, TimeSpan.TicksPerSecond));
        return wait + TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * spread.Ticks));
    }

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException;
        }
        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
        {
            return true;
        }
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            return (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Contains("\"idempotency_key_in_use\"", StringComparison.Ordinal);
        }
        return false;
    }
}

using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace PartnerPlatform.Sdk.Http;

/// <summary>
/// Retries (Polly, through Microsoft.Extensions.Http.Resilience) with jittered exponential back-off,
/// honouring <c>Retry-After</c>: network errors, 409 <c>idempotency_key_in_use</c>, 429 and 5xx. A POST
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
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => options.MaxRetries == 0 ? ValueTask.FromResult(false) : ShouldRetryAsync(args.Outcome),
            })
            .Build();

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

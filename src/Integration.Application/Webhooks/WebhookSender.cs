using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Integration.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Integration.Application.Webhooks;

/// <summary>The outcome of one delivery attempt, as the delivery log shows it.</summary>
public sealed record DeliveryAttempt(bool Succeeded, int? StatusCode, int LatencyMs, string? Error);

/// <summary>
/// Posts one signed event to one subscription. 2xx is delivered; anything else — other statuses,
/// redirects (never followed), refused targets, network errors, no answer within the attempt
/// timeout — is a failed attempt. At most a short snippet of the receiver's body is read.
/// </summary>
public sealed class WebhookSender(HttpClient http, WebhookTargets targets, WebhookSecrets secrets, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string ClientName = "webhooks";
    private const int ErrorSnippetBytes = 256;

    public async Task<DeliveryAttempt> SendAsync(WebhookSubscription subscription, string eventId, string body, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var timeout = options.Value.AttemptTimeout;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            var target = new Uri(subscription.Url);
            await targets.ResolveAllowedAsync(target.Host, attempt.Token);
            var now = clock.GetUtcNow();
            var timestamp = now.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("webhook-id", eventId);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSignature.Header(secrets.SigningSecrets(subscription, now), eventId, timestamp, body));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("PartnerPlatform-Webhooks", "1.0"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new DeliveryAttempt(true, status, ElapsedMs(started), null);
            }
            var error = status is >= 300 and < 400
                ? $"HTTP {status}: redirects are not followed; point the subscription at the final URL."
                : $"HTTP {status}: {await SnippetAsync(response, attempt.Token)}";
            return new DeliveryAttempt(false, status, ElapsedMs(started), error);
        }
        catch (WebhookTargetRefusedException e)
        {
            return new DeliveryAttempt(false, null, ElapsedMs(started), e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryAttempt(false, null, ElapsedMs(started), $"No response within {timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException e)
        {
            var refused = e.InnerException as WebhookTargetRefusedException;
            return new DeliveryAttempt(false, null, ElapsedMs(started), refused?.Message ?? $"Could not connect: {e.Message}");
        }
    }

    private static async Task<string> SnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[ErrorSnippetBytes];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var text = Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
            return text.Length == 0 ? "(empty body)" : text;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "(body unreadable)";
        }
    }

    private static int ElapsedMs(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PartnerPlatform.Sdk.Webhooks;

/// <summary>Checks that a webhook delivery came from the platform (Standard Webhooks signatures).</summary>
public static class Webhook
{
    /// <summary>How far <c>webhook-timestamp</c> may be from now: 5 minutes, against replayed deliveries.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Verifies a delivery and returns its event: <see cref="Verify"/>, then the body read as an event.
    /// </summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers (names compared without case).</param>
    /// <param name="secret">The subscription's signing secret.</param>
    /// <param name="tolerance">How old or new the timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <param name="now">The current time (tests); the system clock when null.</param>
    /// <returns>The delivered event.</returns>
    /// <exception cref="WebhookVerificationException">The signature or timestamp does not check out.</exception>
    public static EventResponse ConstructEvent(
        string body, IEnumerable<KeyValuePair<string, string>> headers, string secret, TimeSpan? tolerance = null, DateTimeOffset? now = null)
    {
        Verify(body, headers, secret, tolerance, now);
        try
        {
            return JsonSerializer.Deserialize<EventResponse>(body, JsonOptions) ?? throw new WebhookVerificationException("The body is not an event.");
        }
        catch (JsonException e)
        {
            throw new WebhookVerificationException("The signed body is not an event of this API version.", e);
        }
    }

    /// <summary>
    /// Verifies a delivery. Pass the body exactly as received (not re-serialised), the request
    /// headers, and your <c>whsec_…</c> secret. During a secret rotation, pass either secret:
    /// deliveries carry a signature for each. Comparison is in constant time.
    /// </summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers (names compared without case).</param>
    /// <param name="secret">The subscription's signing secret.</param>
    /// <param name="tolerance">How old or new the timestamp may be; <see cref="DefaultTolerance"/> when null.</param>
    /// <param name="now">The current time (tests); the system clock when null.</param>
    /// <exception cref="WebhookVerificationException">The signature or timestamp does not check out.</exception>
    public static void Verify(string body, IEnumerable<KeyValuePair<string, string>> headers, string secret, TimeSpan? tolerance = null, DateTimeOffset? now = null)
    {
        var values = headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
        string Header(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw new WebhookVerificationException($"The '{name}' header is missing.");
        var id = Header("webhook-id");
        var timestamp = Header("webhook-timestamp");
        var signatures = Header("webhook-signature");

        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException("The webhook-timestamp header is not a Unix time.");
        }
        var age = (now ?? DateTimeOffset.UtcNow) - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > (tolerance ?? DefaultTolerance))
        {
            throw new WebhookVerificationException("The delivery's timestamp is too far from now: it may be a replay.");
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        var matches = false;
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            matches |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected);
        }
        if (!matches)
        {
            throw new WebhookVerificationException("No signature matches: the body, id or timestamp was changed, or the secret is not this subscription's.");
        }
    }

    /// <summary>The <c>v1,</c> signature of a delivery (for your own tests of your endpoint).</summary>
    /// <param name="secret">A <c>whsec_…</c> secret.</param>
    /// <param name="id">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>.</param>
    /// <param name="body">The body.</param>
    /// <returns><c>v1,</c> followed by the base64 HMAC-SHA256.</returns>
    public static string Sign(string secret, string id, string timestamp, string body)
    {
        const string prefix = "whsec_";
        byte[] key;
        try
        {
            key = Convert.FromBase64String(secret.StartsWith(prefix, StringComparison.Ordinal) ? secret[prefix.Length..] : secret);
        }
        catch (FormatException e)
        {
            throw new WebhookVerificationException("The secret is not a whsec_… signing secret.", e);
        }
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>A webhook delivery failed verification; answer it with 400 and do not process it.</summary>
public sealed class WebhookVerificationException : Exception
{
    /// <summary>Why verification failed.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public WebhookVerificationException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace PartnerPlatform.Sdk;

/// <summary>
/// What the platform said about a successful answer, as <c>LastResponse</c> on the object a call
/// returns (failures carry the same in <see cref="PartnerApiException"/>). Quote <see cref="RequestId"/>
/// to support.
/// </summary>
public sealed partial class PartnerResponse
{
    /// <summary>Metadata for an answer you make yourself (in a test of your code, say).</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="idempotentReplayed">Whether the platform replayed a stored answer.</param>
    /// <param name="rateLimitRemaining">Requests left in the current rate-limit window.</param>
    public PartnerResponse(HttpStatusCode statusCode, string? requestId = null, bool idempotentReplayed = false, int? rateLimitRemaining = null)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        IdempotentReplayed = idempotentReplayed;
        RateLimitRemaining = rateLimitRemaining;
    }

    /// <summary>The HTTP status (200, 201, 202…).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The platform's id of the request (<c>X-Request-Id</c>): yours if you sent one, else the platform's.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// True when the platform answered a repeated <c>Idempotency-Key</c> with the answer it stored the
    /// first time (<c>Idempotent-Replayed: true</c>): nothing was created or changed again.
    /// </summary>
    public bool IdempotentReplayed { get; }

    /// <summary>Requests left in your current rate-limit window (the <c>RateLimit</c> header's <c>r</c>), when the platform said.</summary>
    public int? RateLimitRemaining { get; }

    internal static PartnerResponse From(HttpResponseMessage response) => new(
        response.StatusCode,
        Header(response, "X-Request-Id"),
        string.Equals(Header(response, "Idempotent-Replayed"), "true", StringComparison.OrdinalIgnoreCase),
        Header(response, "RateLimit") is { } limit && Remaining().Match(limit) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    [GeneratedRegex(@"(?:^|;)\s*r=(\d+)")]
    private static partial Regex Remaining();
}

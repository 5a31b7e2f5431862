using Integration.Core.Common;

namespace Integration.Core.RequestLog;

/// <summary>
/// One call a partner's credential made to the API, as the partner's request log shows it (kept 30 days).
/// Never the body, the query string or a token: only what identifies the call and how it ended.
/// </summary>
public sealed class LoggedRequest : IPartnerOwned
{
    public const int MaxPathLength = 500;
    public const int MaxUserAgentLength = 300;
    public const int MaxIdempotencyKeyLength = 255;

    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public required ApiEnvironment Environment { get; init; }

    /// <summary>When the call arrived, real time (not the sandbox clock).</summary>
    public required DateTimeOffset At { get; init; }

    public required string Method { get; init; }
    public required string Path { get; init; }
    public required int Status { get; init; }
    public required int LatencyMs { get; init; }

    /// <summary>The <c>X-Request-Id</c> the response carried.</summary>
    public required string RequestId { get; init; }

    /// <summary>The credential's client id.</summary>
    public required string ClientId { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>The problem's <c>code</c> when the call failed.</summary>
    public string? ProblemCode { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>A header or path as kept: at most <paramref name="length"/> characters; empty is none.</summary>
    public static string? Capped(string? value, int length) => string.IsNullOrEmpty(value) ? null : value[..Math.Min(value.Length, length)];
}

using Integration.Core.RequestLog;

namespace Integration.Api.RequestLog;

/// <summary>One call your credentials made: what identifies it and how it ended (never its body).</summary>
/// <param name="Id">The log entry.</param>
/// <param name="At">When the call arrived (real time, not the sandbox clock).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query string.</param>
/// <param name="Status">The HTTP status it was answered with.</param>
/// <param name="LatencyMs">Milliseconds from arrival until the answer was sent.</param>
/// <param name="RequestId">The <c>X-Request-Id</c> of the answer: what support asks you for.</param>
/// <param name="ClientId">The credential (client id) that made the call.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> the call carried.</param>
/// <param name="ProblemCode">The problem's <c>code</c> when the call failed (docs/errors.md).</param>
/// <param name="UserAgent">The <c>User-Agent</c> the call carried, e.g. <c>PartnerPlatform.Sdk/1.0.0 (.NET 10.0.1; Linux)</c>.</param>
public sealed record LoggedRequestResponse(
    string Id, DateTimeOffset At, string Method, string Path, int Status, int LatencyMs, string RequestId, string ClientId,
    string? IdempotencyKey, string? ProblemCode, string? UserAgent)
{
    public static LoggedRequestResponse Of(LoggedRequest r) =>
        new(r.Id, r.At, r.Method, r.Path, r.Status, r.LatencyMs, r.RequestId, r.ClientId, r.IdempotencyKey, r.ProblemCode, r.UserAgent);
}

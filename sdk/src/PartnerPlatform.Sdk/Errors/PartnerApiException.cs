using System.Net;
using System.Text.Json;

namespace PartnerPlatform.Sdk;

/// <summary>
/// The platform refused a request, or answered with something the contract does not describe.
/// Carries the HTTP status, the problem <see cref="Code"/> to program against, the field errors,
/// the request id to quote to support, and the raw body.
/// </summary>
public class PartnerApiException : Exception
{
    /// <summary>Used by the generated client for answers the contract does not describe.</summary>
    public PartnerApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base($"{message} (HTTP {statusCode}, request {RequestIdIn(headers) ?? "unknown"})", innerException)
    {
        StatusCode = (HttpStatusCode)statusCode;
        RawBody = response;
        RequestId = RequestIdIn(headers);
        Code = "unexpected_response";
    }

    /// <summary>An RFC 9457 problem answer (or a token endpoint error) turned into an exception.</summary>
    public PartnerApiException(HttpStatusCode statusCode, string code, string message, string? requestId, string? rawBody,
        IReadOnlyDictionary<string, string[]>? errors = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
        RequestId = requestId;
        RawBody = rawBody;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    /// <summary>The HTTP status; 0 when no answer arrived (see <see cref="PartnerTimeoutException"/>).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The stable, machine-readable error code (e.g. <c>insufficient_stock</c>); see docs/errors.md.</summary>
    public string Code { get; }

    /// <summary>The request id (<c>X-Request-Id</c>, the problem's <c>requestId</c>): quote it to support.</summary>
    public string? RequestId { get; }

    /// <summary>The body as received, for answers the SDK could not interpret.</summary>
    public string? RawBody { get; }

    /// <summary>For validation failures: field (as you sent it) → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();

    /// <summary>The problem's <c>type</c>: the page of docs/errors that explains <see cref="Code"/>.</summary>
    public Uri? Type { get; internal set; }

    /// <summary>The problem's <c>title</c>: a short summary of the kind of problem.</summary>
    public string? Title { get; internal set; }

    /// <summary>The problem's <c>instance</c>: the path of the request that was refused.</summary>
    public string? Instance { get; internal set; }

    internal static string? RequestIdIn(IReadOnlyDictionary<string, IEnumerable<string>>? headers) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, "X-Request-Id", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

/// <summary>An answer the contract does not describe, with its parsed body (generated-client shape).</summary>
/// <typeparam name="TResult">The body's type.</typeparam>
public class PartnerApiException<TResult> : PartnerApiException
{
    /// <summary>Used by the generated client.</summary>
    public PartnerApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException) => Result = result;

    /// <summary>The parsed body.</summary>
    public TResult Result { get; }
}

/// <summary>401, or the token endpoint refused the credentials (<c>invalid_client</c>).</summary>
public sealed class PartnerAuthenticationException(HttpStatusCode statusCode, string code, string message, string? requestId, string? rawBody)
    : PartnerApiException(statusCode, code, message, requestId, rawBody);

/// <summary>403: the credential lacks a scope, or the account is frozen.</summary>
public sealed class PartnerPermissionException(HttpStatusCode statusCode, string code, string message, string? requestId, string? rawBody)
    : PartnerApiException(statusCode, code, message, requestId, rawBody);

/// <summary>404: no such resource for you (another partner's resources are 404 too).</summary>
public sealed class PartnerNotFoundException(HttpStatusCode statusCode, string code, string message, string? requestId, string? rawBody)
    : PartnerApiException(statusCode, code, message, requestId, rawBody);

/// <summary>409 and 412: the request conflicts with the resource's current state.</summary>
public sealed class PartnerConflictException(HttpStatusCode statusCode, string code, string message, string? requestId, string? rawBody)
    : PartnerApiException(statusCode, code, message, requestId, rawBody);

/// <summary>400 and 422: the request is malformed or breaks a rule; <see cref="PartnerApiException.Errors"/> names the fields.</summary>
public sealed class PartnerValidationException(HttpStatusCode statusCode, string code, string message, string? requestId, string? rawBody, IReadOnlyDictionary<string, string[]> errors)
    : PartnerApiException(statusCode, code, message, requestId, rawBody, errors);

/// <summary>429 after the SDK's retries: over your rate limit.</summary>
public sealed class PartnerRateLimitedException(string message, string? requestId, string? rawBody, TimeSpan? retryAfter)
    : PartnerApiException(HttpStatusCode.TooManyRequests, "rate_limited", message, requestId, rawBody)
{
    /// <summary>How long the platform asked to wait.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>No answer within <see cref="PartnerClientOptions.Timeout"/> (retries included).</summary>
public sealed class PartnerTimeoutException(string message, Exception? innerException)
    : PartnerApiException(0, "timeout", message, null, null, null, innerException);

/// <summary>Turns a non-success answer into the matching exception type.</summary>
internal static class ProblemExceptions
{
    public static PartnerApiException From(HttpResponseMessage response, string body)
    {
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        var problem = Parse(body, response.StatusCode);
        var exception = Typed(response, response.StatusCode, problem.Code, problem.Message, requestId, body, problem.Errors);
        (exception.Type, exception.Title, exception.Instance) = (problem.Type, problem.Title, problem.Instance);
        return exception;
    }

    private static PartnerApiException Typed(HttpResponseMessage response, HttpStatusCode status, string code, string message,
        string? requestId, string body, IReadOnlyDictionary<string, string[]> errors) =>
        status switch
        {
            HttpStatusCode.Unauthorized => new PartnerAuthenticationException(status, code, message, requestId, body),
            HttpStatusCode.Forbidden => new PartnerPermissionException(status, code, message, requestId, body),
            HttpStatusCode.NotFound => new PartnerNotFoundException(status, code, message, requestId, body),
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => new PartnerConflictException(status, code, message, requestId, body),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.PreconditionRequired =>
                new PartnerValidationException(status, code, message, requestId, body, errors),
            HttpStatusCode.TooManyRequests => new PartnerRateLimitedException(message, requestId, body, response.Headers.RetryAfter?.Delta),
            _ => new PartnerApiException(status, code, message, requestId, body, errors),
        };

    private sealed record Problem(string Code, string Message, IReadOnlyDictionary<string, string[]> Errors, Uri? Type = null, string? Title = null, string? Instance = null);

    private static Problem Parse(string body, HttpStatusCode status)
    {
        var fallback = new Problem($"http_{(int)status}", $"The platform answered {(int)status} {status}.", new Dictionary<string, string[]>());
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return fallback;
            }
            var code = Text(root, "code") ?? Text(root, "error") ?? fallback.Code;
            var message = Text(root, "detail") ?? Text(root, "error_description") ?? Text(root, "title") ?? fallback.Message;
            var errors = new Dictionary<string, string[]>();
            if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(e => e.ToString()).ToArray()
                        : [field.Value.ToString()];
                }
            }
            return new Problem(code, message, errors,
                Uri.TryCreate(Text(root, "type"), UriKind.Absolute, out var type) ? type : null, Text(root, "title"), Text(root, "instance"));
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

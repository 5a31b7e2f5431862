using Integration.Api.RateLimiting;
using Integration.Core.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Integration.Api.Hosting;

/// <summary>
/// Every error leaves as RFC 9457 problem+json with <c>code</c>, <c>traceId</c> and <c>requestId</c>. Middleware writes
/// problems through <see cref="WriteAsync"/>; controllers throw <see cref="DomainException"/>.
/// </summary>
public static class Problems
{
    public static int StatusOf(ErrorKind kind) => ErrorStatus.Of(kind);

    private static readonly object CodeKey = new();

    /// <summary>The problem code this request answered with, if it failed.</summary>
    public static string? CodeOf(HttpContext context) => context.Items.TryGetValue(CodeKey, out var code) ? code as string : null;

    /// <summary>The code a problem gets when nothing more specific was said.</summary>
    public static string DefaultCode(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "resource_not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        412 => "precondition_failed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable_entity",
        428 => "precondition_required",
        429 => "rate_limited",
        503 => "service_unavailable",
        _ => status >= 500 ? "internal_error" : "error",
    };

    /// <summary>
    /// Writes a problem whatever the request's Accept header says: an error must never come back as
    /// an empty body or an HTML page.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string detail,
        IDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ProblemDetails problem = errors is { Count: > 0 }
            ? new ValidationProblemDetails(errors) { Status = status, Detail = detail }
            : new ProblemDetails { Status = status, Detail = detail };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }
        problem.Extensions["code"] = code;
        Complete(problem, context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), JsonSerializerOptions.Web, "application/problem+json");
    }

    /// <summary>For bodiless error statuses (404 from routing, 405, 415 …): a problem that explains the status.</summary>
    public static Task WriteForStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var detail = status switch
        {
            404 => $"Nothing exists at {Customers.CustomerPaths.Redact(context.Request.Path)}. Check the path and the API version.",
            405 => $"{Customers.CustomerPaths.Redact(context.Request.Path)} does not accept {context.Request.Method}.",
            406 => "This API answers in JSON only (application/json or application/problem+json).",
            415 => "Send the body as application/json.",
            _ => ReasonPhrase(status),
        };
        return WriteAsync(context, status, DefaultCode(status), detail);
    }

    /// <summary>Fills the members every problem carries; runs for problems from any source.</summary>
    public static void Complete(ProblemDetails problem, HttpContext context)
    {
        var status = problem.Status ?? context.Response.StatusCode;
        problem.Status = status;
        var code = problem.Extensions.TryGetValue("code", out var existing) && existing is string s ? s : DefaultCode(status);
        problem.Extensions["code"] = code;
        context.Items[CodeKey] = code;
        problem.Type = TypeOf(context, code);
        problem.Title ??= ReasonPhrase(status);
        problem.Instance ??= Customers.CustomerPaths.Redact(context.Request.Path);
        problem.Extensions["traceId"] = TraceIdOf();
        problem.Extensions["requestId"] = context.TraceIdentifier;
        if (context.Request.Path.Equals(TokenRequestLimitMiddleware.TokenPath, StringComparison.OrdinalIgnoreCase))
        {
            // OAuth clients read `error` (RFC 6749 § 5.2) whatever refused their token request.
            problem.Extensions.TryAdd("error", status == StatusCodes.Status400BadRequest ? "invalid_request" : code);
            problem.Extensions.TryAdd("error_description", problem.Detail ?? problem.Title);
        }
    }

    /// <summary>The page that explains a code (<c>Api:ErrorTypeBaseUri</c>, else this platform's <c>/problems/</c>).</summary>
    public static string TypeOf(HttpContext context, string code) =>
        (context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.ErrorTypeBaseUri ?? ProblemPages.BaseUri(context.Request)) + code;

    /// <summary>
    /// The W3C trace id (the caller's <c>traceparent</c>, else a new one): what the tracing backend is searched by.
    /// ASP.NET Core starts the request's activity whenever logging is on; a host without any (the scrape port) gets a fresh id.
    /// </summary>
    private static string TraceIdOf() =>
        (System.Diagnostics.Activity.Current?.TraceId ?? System.Diagnostics.ActivityTraceId.CreateRandom()).ToHexString();

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}

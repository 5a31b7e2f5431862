using System.Diagnostics;
using Integration.Api.OAuth;

namespace Integration.Api.Hosting;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-Id</c> when it is well-formed, else a new one.
/// It is echoed in the response, is the problem's <c>requestId</c>, and is written on the request's log line.
/// W3C <c>traceparent</c> is honoured by ASP.NET Core's own activity; its trace id is the problem's
/// <c>traceId</c> and is logged beside ours, with the partner and client id of an authenticated caller.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = IsWellFormed(context.Request.Headers[Header].ToString())
            ? context.Request.Headers[Header].ToString()
            : "req_" + Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        // Set when the response starts, so error handling that clears the response keeps it.
        context.Response.OnStarting(static state =>
        {
            var (response, id) = ((HttpResponse, string))state;
            response.Headers[Header] = id;
            return Task.CompletedTask;
        }, (context.Response, requestId));

        var started = Stopwatch.GetTimestamp();
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId }))
        {
            try
            {
                await next(context);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var caller = context.GetCaller();
                    logger.LogInformation("{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms (request {RequestId}, trace {TraceId}, partner {PartnerId}, client {ClientId})",
                        context.Request.Method, Customers.CustomerPaths.Redact(context.Request.Path), context.Response.StatusCode, // percent-encoded, no raw control characters; no customer id
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId, Activity.Current?.TraceId.ToString(), caller?.PartnerId, caller?.ClientId);
                }
            }
        }
    }

    /// <summary>A caller's id we keep, and every id we make: what <see cref="IsWellFormed"/> admits.</summary>
    public const string Pattern = "^[A-Za-z0-9._:-]{1,128}$";

    public const int MaxLength = 128;

    private static bool IsWellFormed(string value) => WellFormed().IsMatch(value);

    [System.Text.RegularExpressions.GeneratedRegex(Pattern)]
    private static partial System.Text.RegularExpressions.Regex WellFormed();
}

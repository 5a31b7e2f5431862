using System.Diagnostics;
using Integration.Api.Hosting;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Application.RequestLog;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.RequestLog;

namespace Integration.Api.RequestLog;

/// <summary>
/// Records every call a partner credential makes, once the response has gone (its final status, including
/// problems written by the error handlers above), without making the call wait for the write.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, PartnerRequestLog log, TimeProvider clock)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetCaller() is { Kind: CredentialKind.Partner, PartnerId: { } partnerId, Environment: { } environment } caller)
        {
            var at = clock.GetUtcNow();
            var id = Ids.NewOrdered("reqlog", at);
            var started = Stopwatch.GetTimestamp();
            context.Response.OnCompleted(() =>
            {
                log.Record(new LoggedRequest
                {
                    Id = id,
                    PartnerId = partnerId,
                    Environment = environment,
                    At = at,
                    Method = context.Request.Method,
                    Path = LoggedRequest.Capped(Customers.CustomerPaths.Redact(context.Request.Path.Value), LoggedRequest.MaxPathLength) ?? "/",
                    Status = context.Response.StatusCode,
                    LatencyMs = (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds),
                    RequestId = context.TraceIdentifier,
                    ClientId = caller.ClientId,
                    IdempotencyKey = LoggedRequest.Capped(context.Request.Headers[IdempotentAttribute.Header].ToString(), LoggedRequest.MaxIdempotencyKeyLength),
                    ProblemCode = Problems.CodeOf(context),
                    UserAgent = LoggedRequest.Capped(context.Request.Headers.UserAgent.ToString(), LoggedRequest.MaxUserAgentLength),
                });
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}

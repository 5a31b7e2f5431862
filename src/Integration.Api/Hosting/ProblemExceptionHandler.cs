using System.Globalization;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Integration.Application.Hosting;

namespace Integration.Api.Hosting;

/// <summary>
/// Turns exceptions into problem+json: business refusals keep their code, the database's transient
/// state (unreachable, restarting, a lost lock race) is a 503 with Retry-After, anything else is a logged 500.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger, DatabaseOutage outage, IOptions<ApiOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case DomainException refusal:
                if (refusal.RetryAfterSeconds is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                }
                await Problems.WriteAsync(context, Problems.StatusOf(refusal.Kind), refusal.Code, refusal.Message,
                    refusal.Errors?.ToDictionary(e => e.Key, e => e.Value));
                return true;
            case BadHttpRequestException badRequest:
                await Problems.WriteAsync(context, badRequest.StatusCode, Problems.DefaultCode(badRequest.StatusCode),
                    badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? "The request body is larger than this endpoint accepts."
                        : badRequest.Message);
                return true;
            case InvalidDataException unreadable when context.Request.HasFormContentType: // the form reader's limits (key length, value count)
                await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, Problems.DefaultCode(StatusCodes.Status400BadRequest),
                    $"The form cannot be read: {unreadable.Message}");
                return true;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return true;
        }
        switch (outage.Note(exception))
        {
            case DbFailure.Unavailable:
                // Logged once per outage by DatabaseOutage, not once per request.
                outage.CountAnswered();
                await WriteUnavailableAsync(context, "The database is unreachable at the moment.");
                return true;
            case DbFailure.Contention:
                logger.LogWarning("{Method} {Path} lost a database lock to concurrent work and was answered 503 (request {RequestId}): {Reason}",
                    context.Request.Method, Customers.CustomerPaths.Redact(context.Request.Path), context.TraceIdentifier, exception.GetBaseException().Message);
                await WriteUnavailableAsync(context, "The database was busy with concurrent changes.");
                return true;
        }
        logger.LogError(exception, "Unhandled error for {Method} {Path} (request {RequestId})",
            context.Request.Method, Customers.CustomerPaths.Redact(context.Request.Path), context.TraceIdentifier);
        await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal_error",
            "Something went wrong on our side. Quote the traceId if you contact support.");
        return true;
    }

    private Task WriteUnavailableAsync(HttpContext context, string what)
    {
        var seconds = options.Value.UnavailableRetryAfterSeconds;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "service_unavailable",
            $"{what} Retry after {seconds} s; a retry with the same Idempotency-Key never applies a request twice.");
    }
}

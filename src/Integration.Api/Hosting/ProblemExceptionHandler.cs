using Integration.Core.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Integration.Api.Hosting;

/// <summary>Turns exceptions into problem+json: business refusals keep their code, anything else is a logged 500.</summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case DomainException refusal:
                await Problems.WriteAsync(context, Problems.StatusOf(refusal.Kind), refusal.Code, refusal.Message,
                    refusal.Errors?.ToDictionary(e => e.Key, e => e.Value));
                return true;
            case BadHttpRequestException badRequest:
                await Problems.WriteAsync(context, badRequest.StatusCode, Problems.DefaultCode(badRequest.StatusCode),
                    badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? "The request body is larger than this endpoint accepts."
                        : badRequest.Message);
                return true;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return true;
            default:
                logger.LogError(exception, "Unhandled error for {Method} {Path} (request {RequestId})",
                    context.Request.Method, context.Request.Path, context.TraceIdentifier);
                await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal_error",
                    "Something went wrong on our side. Quote the traceId if you contact support.");
                return true;
        }
    }
}

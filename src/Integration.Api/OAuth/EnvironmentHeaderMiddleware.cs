using Integration.Core.Common;

namespace Integration.Api.OAuth;

/// <summary>Tells the caller which data world answered: <c>X-Environment: live|sandbox</c>.</summary>
public sealed class EnvironmentHeaderMiddleware(RequestDelegate next)
{
    public const string Header = "X-Environment";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetCaller()?.Environment is { } environment)
        {
            // On start, so that error responses (whose headers are reset by error handling) carry it too.
            context.Response.OnStarting(static state =>
            {
                var (response, value) = ((HttpResponse, string))state;
                response.Headers[Header] = value;
                return Task.CompletedTask;
            }, (context.Response, SnakeCase.Of(environment)));
        }
        return next(context);
    }
}

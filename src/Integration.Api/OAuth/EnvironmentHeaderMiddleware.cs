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
            context.Response.Headers[Header] = SnakeCase.Of(environment);
        }
        return next(context);
    }
}

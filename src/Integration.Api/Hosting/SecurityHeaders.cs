namespace Integration.Api.Hosting;

/// <summary>
/// On every answer, <c>X-Content-Type-Options: nosniff</c>; on answers to authenticated requests,
/// <c>Cache-Control: no-store</c> unless the endpoint chose its own caching, so that no proxy or
/// browser cache keeps a partner's data.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (http.Request.Headers.Authorization.Count > 0 && http.Response.Headers.CacheControl.Count == 0)
            {
                http.Response.Headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}

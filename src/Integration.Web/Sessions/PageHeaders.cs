using Microsoft.AspNetCore.Http;

namespace Integration.Web.Sessions;

/// <summary>
/// Pages render on the server and run no script of ours: the policy allows our own styles and fonts only, no framing,
/// and forms posting back to us. No page is cached: they show a person's data.
/// </summary>
public sealed class PageHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}

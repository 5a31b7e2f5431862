using System.Globalization;
using Microsoft.Extensions.Options;
using Integration.Application.OAuth;

namespace Integration.Api.OAuth;

/// <summary>
/// The discovery document and the JWKS change only when signing keys rotate, so they are cacheable
/// for <see cref="OAuthOptions.MetadataMaxAge"/> (OpenIddict marks every answer <c>no-cache</c>).
/// A rotation keeps the previous key in the JWKS for longer than that (docs/operations.md).
/// </summary>
public sealed class CacheableMetadata(RequestDelegate next, IOptions<OAuthOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/.well-known"))
        {
            var cacheControl = "public, max-age=" + ((long)options.Value.MetadataMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            context.Response.OnStarting(static state =>
            {
                var (response, cacheControl) = ((HttpResponse, string))state;
                if (response.StatusCode == StatusCodes.Status200OK)
                {
                    response.Headers.CacheControl = cacheControl;
                    response.Headers.Pragma = default;
                    response.Headers.Expires = default;
                }
                return Task.CompletedTask;
            }, (context.Response, cacheControl));
        }
        return next(context);
    }
}

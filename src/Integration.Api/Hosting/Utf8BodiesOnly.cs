using Microsoft.Net.Http.Headers;

namespace Integration.Api.Hosting;

/// <summary>
/// Bodies are read as UTF-8 (RFC 8259 § 8.1): a request that declares another charset is refused with
/// 415 before anything tries to decode it, rather than failing half-way through the bytes.
/// </summary>
public sealed class Utf8BodiesOnly(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset is { Length: > 0 } charset
            && !IsUtf8(charset.Value!))
        {
            await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"The body is declared as '{charset}'; send it as UTF-8 (charset=utf-8, or no charset).");
            return;
        }
        await next(context);
    }

    private static bool IsUtf8(string charset) =>
        charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase);
}

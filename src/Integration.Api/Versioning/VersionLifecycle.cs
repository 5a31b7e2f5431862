using System.Globalization;
using Asp.Versioning;
using Microsoft.Extensions.Options;

namespace Integration.Api.Versioning;

public sealed class DeprecatedVersion
{
    public DateOnly DeprecatedOn { get; set; }
    public DateOnly SunsetOn { get; set; }
    public string MigrationGuide { get; set; } = "";
}

/// <summary>Which API majors are deprecated, when, and where the migration guide is (config <c>Api:Deprecations</c>).</summary>
public sealed class VersionLifecycleOptions
{
    public Dictionary<int, DeprecatedVersion> Deprecations { get; set; } = new()
    {
        [1] = new DeprecatedVersion
        {
            DeprecatedOn = new DateOnly(2026, 11, 27),
            SunsetOn = new DateOnly(2027, 11, 27),
            MigrationGuide = "https://partners.example.com/docs/guides/versioning",
        },
    };
}

/// <summary>
/// Answers to a deprecated version carry <c>Deprecation</c> (RFC 9745), <c>Sunset</c> (RFC 8594) and
/// <c>Link: &lt;guide&gt;; rel="deprecation"</c>. The version keeps working until its sunset.
/// </summary>
public sealed class DeprecationHeadersMiddleware(RequestDelegate next, IOptions<VersionLifecycleOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The admin API versions on its own; only the partner API's majors are deprecated here.
        if (!context.Request.Path.StartsWithSegments("/admin")
            && context.RequestedApiVersion?.MajorVersion is { } major
            && options.Value.Deprecations.TryGetValue(major, out var deprecated))
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var deprecatedAt = new DateTimeOffset(deprecated.DeprecatedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var sunsetAt = new DateTimeOffset(deprecated.SunsetOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                headers["Deprecation"] = "@" + deprecatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                headers["Sunset"] = sunsetAt.ToString("r", CultureInfo.InvariantCulture);
                headers.Append("Link", $"<{deprecated.MigrationGuide}>; rel=\"deprecation\"; type=\"text/html\"");
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}

using Integration.Api.Hosting;
using Integration.Application.Onboarding;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Integration.Api.Onboarding;

/// <summary>
/// The public application endpoints need a sign-up site's publishable key in <c>X-Application-Key</c>
/// (<see cref="OnboardingOptions.ApplicationKeys"/>); without a known one the answer is 401 <c>application_key_invalid</c>,
/// before the body is read. The site is kept for the rate limit, which counts per site and address.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ApplicationKeyAttribute : Attribute, IAsyncResourceFilter
{
    public const string Header = "X-Application-Key";
    public const string Scheme = "ApplicationKey";
    private const string SiteItem = "onboarding.site";

    public static string SiteOf(HttpContext context) => (string)context.Items[SiteItem]!;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<OnboardingOptions>>().Value;
        var presented = http.Request.Headers[Header];
        var site = presented.Count == 1 ? options.SiteOf(presented[0]) : null;
        if (site is null)
        {
            http.Response.Headers.WWWAuthenticate = $"{Scheme} header=\"{Header}\"";
            await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "application_key_invalid",
                presented.Count == 0
                    ? $"Applying needs your sign-up site's publishable key in the {Header} header."
                    : $"The {Header} is not the key of any sign-up site; ask the brand's onboarding team for yours.");
            return;
        }
        http.Items[SiteItem] = site;
        await next();
    }
}

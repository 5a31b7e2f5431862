using Integration.Api.Hosting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Integration.Api.RateLimiting;

/// <summary>
/// The public application endpoints take no credential and send e-mail: each source address of each sign-up site gets
/// <c>RateLimits:Applications</c> (5 an hour by default), on top of the anonymous budget. Checked before the body is read,
/// after the site's key (<see cref="Onboarding.ApplicationKeyAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ApplicationsLimitAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var gate = http.RequestServices.GetRequiredService<RateLimitGate>();
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var (applied, decision) = await gate.TakeAsync(RateLimitPolicy.ForApplications(http, options));
        if (!decision.Allowed)
        {
            var seconds = RateLimitFields.AddRetryAfter(http.Response, applied, decision);
            await Problems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "rate_limited",
                $"Too many applications from this address for the {applied.Describe()}. Retry after {seconds} s.");
            return;
        }
        await next();
    }
}

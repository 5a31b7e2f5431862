using Integration.Api.Observability;
using Integration.Application.Observability;

namespace Integration.Api.RateLimiting;

public static class RateLimitFields
{
    /// <summary>What <c>RateLimit-Policy</c> holds: <c>"partner";q=&lt;burst&gt;;w=&lt;window seconds&gt;</c>.</summary>
    public const string PolicyPattern = "^\"[a-z0-9_-]{1,40}\";q=\\d{1,10};w=\\d{1,10}$";

    /// <summary>What <c>RateLimit</c> holds: <c>"partner";r=&lt;remaining&gt;;t=&lt;seconds to full&gt;</c>.</summary>
    public const string RemainingPattern = "^\"[a-z0-9_-]{1,40}\";r=\\d{1,10};t=\\d{1,10}$";

    /// <summary>The longest value either pattern admits.</summary>
    public const int MaxLength = 70;

    /// <summary>
    /// The IETF <c>RateLimit-Policy</c> and <c>RateLimit</c> fields, added as the answer starts so
    /// that error answers (whose headers error handling resets) carry them too.
    /// </summary>
    public static void AddTo(HttpResponse response, RateLimitPolicy policy, RateLimitDecision decision)
    {
        var policyValue = policy.Header;
        var remainingValue = $"\"{policy.Name}\";r={decision.Remaining};t={decision.SecondsToFull(policy)}";
        response.OnStarting(static state =>
        {
            var (response, policyValue, remainingValue) = ((HttpResponse, string, string))state;
            response.Headers["RateLimit-Policy"] = policyValue;
            response.Headers["RateLimit"] = remainingValue;
            return Task.CompletedTask;
        }, (response, policyValue, remainingValue));
    }

    /// <summary>
    /// Sets <c>Retry-After</c> for an empty bucket and returns its seconds (for the problem's detail). Every
    /// 429 goes through here, so this is also where the refusal is counted.
    /// </summary>
    public static int AddRetryAfter(HttpResponse response, RateLimitPolicy policy, RateLimitDecision decision)
    {
        response.HttpContext.RequestServices.GetRequiredService<PlatformMetrics>().RateLimitRejected(policy.Name);
        var seconds = decision.RetryAfterSeconds(policy);
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }
}

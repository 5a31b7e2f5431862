namespace Integration.Api.RateLimiting;

public static class RateLimitFields
{
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
}

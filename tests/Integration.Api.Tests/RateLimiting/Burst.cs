using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.RateLimiting;

public static class Burst
{
    /// <summary>Sends requests until one is limited: how many passed, the first answer and the refusal.</summary>
    public static async Task<(int Ok, HttpResponseMessage First, HttpResponseMessage Limited)> CountAnsweredAsync(HttpClient client)
    {
        HttpResponseMessage? first = null;
        for (var ok = 0; ok < 1_000; ok++)
        {
            var response = await client.GetAsync("/v1/partners/me");
            first ??= response;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await response.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
                return (ok, first, response);
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        throw new Xunit.Sdk.XunitException("no request was limited");
    }
}

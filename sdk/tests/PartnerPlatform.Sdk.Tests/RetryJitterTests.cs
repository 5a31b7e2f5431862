using System.Net;
using System.Net.Http.Headers;
using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>Many clients told the same <c>Retry-After</c> (after an outage, a busy token endpoint) do not all come back in the same instant.</summary>
public sealed class RetryJitterTests
{
    [Fact]
    public void A_herd_told_to_wait_ten_seconds_comes_back_spread_over_the_following_second()
    {
        using var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        busy.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(10));

        var waits = Enumerable.Range(0, 200).Select(_ => RetryPolicy.RetryAfterWithJitter(busy)!.Value).ToList();

        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11)));
        Assert.True(waits.Distinct().Count() > 150, $"only {waits.Distinct().Count()} distinct waits of 200");
    }

    [Fact]
    public void Without_Retry_After_the_exponential_back_off_decides()
    {
        using var failed = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.Null(RetryPolicy.RetryAfterWithJitter(failed));
    }
}

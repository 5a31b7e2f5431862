using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.RateLimiting;

/// <summary>The default basic tier (25/s, bursts of 50) on the platform's clock, which the test moves.</summary>
public sealed class RefillTests(RefillTests.BasicDefaults platform) : IClassFixture<RefillTests.BasicDefaults>
{
    public sealed class BasicDefaults : PlatformFactory
    {
        public BasicDefaults()
        {
            Settings["RateLimits:Basic:PermitsPerSecond"] = "25";
            Settings["RateLimits:Basic:Burst"] = "50";
        }
    }

    [Fact]
    public async Task A_25_per_second_tier_refills_25_per_second_exactly_and_says_so_in_its_headers()
    {
        var session = await platform.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(tier: "basic"));

        var burst = await Burst.CountAnsweredAsync(session.Client);
        Assert.Equal(50, burst.Ok);
        Assert.Equal("\"sandbox-basic\";q=50;w=2", burst.Limited.Headers.GetValues("RateLimit-Policy").Single());
        Assert.Equal("\"sandbox-basic\";r=0;t=2", burst.Limited.Headers.GetValues("RateLimit").Single());
        Assert.Equal("1", burst.Limited.Headers.GetValues("Retry-After").Single());

        platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = await Burst.CountAnsweredAsync(session.Client);
        Assert.Equal(25, afterASecond.Ok);
        Assert.Equal("\"sandbox-basic\";r=24;t=2", afterASecond.First.Headers.GetValues("RateLimit").Single());

        // 40 ms at 25/s is one request, not zero: the refill is exact, not in whole steps.
        platform.Clock.Advance(TimeSpan.FromMilliseconds(40));
        Assert.Equal(1, (await Burst.CountAnsweredAsync(session.Client)).Ok);

        platform.Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(12, (await Burst.CountAnsweredAsync(session.Client)).Ok);
    }
}

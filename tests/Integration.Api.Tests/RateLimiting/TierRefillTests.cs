using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.RateLimiting;

/// <summary>Every partner tier, live and sandbox, with the limits the platform ships with (appsettings.json).</summary>
public sealed class TierRefillTests(TierRefillTests.ShippedLimits platform) : IClassFixture<TierRefillTests.ShippedLimits>
{
    public sealed class ShippedLimits : PlatformFactory
    {
        public ShippedLimits()
        {
            foreach (var tier in new[] { "Basic", "Advanced", "Strategic" })
            {
                Settings.Remove($"RateLimits:{tier}:PermitsPerSecond");
                Settings.Remove($"RateLimits:{tier}:Burst");
            }
            Settings.Remove("RateLimits:SandboxFactor");
        }
    }

    [Theory]
    [InlineData("basic", "live", 25, 50)]
    [InlineData("advanced", "live", 50, 100)]
    [InlineData("strategic", "live", 100, 200)]
    [InlineData("basic", "sandbox", 10, 20)] // sandbox: 0.4 of live
    [InlineData("advanced", "sandbox", 20, 40)]
    [InlineData("strategic", "sandbox", 40, 80)]
    public async Task A_tier_allows_its_burst_then_refills_at_exactly_its_rate(string tier, string environment, int perSecond, int burst)
    {
        var session = await platform.NewPartnerSessionAsync(environment, PlatformFactory.PartnerBody(tier: tier, qualified: true));

        var first = await Burst.CountAnsweredAsync(session.Client);
        platform.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = await Burst.CountAnsweredAsync(session.Client);

        Assert.Equal(burst, first.Ok);
        Assert.Equal($"\"{environment}-{tier}\";q={burst};w={burst / perSecond}", first.Limited.Headers.GetValues("RateLimit-Policy").Single());
        Assert.Equal(perSecond, afterASecond.Ok);
    }
}

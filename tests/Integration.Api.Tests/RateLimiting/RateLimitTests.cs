using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.RateLimiting;

public sealed class RateLimitTests(RateLimitTests.TightLimits platform) : IClassFixture<RateLimitTests.TightLimits>
{
    public sealed class TightLimits : PlatformFactory
    {
        public TightLimits()
        {
            Settings["RateLimits:Advanced:PermitsPerSecond"] = "1";
            Settings["RateLimits:Advanced:Burst"] = "3";
            Settings["RateLimits:Basic:PermitsPerSecond"] = "1";
            Settings["RateLimits:Basic:Burst"] = "5";
            Settings["RateLimits:SandboxFactor"] = "1";
        }
    }

    [Fact]
    public async Task OverTheTiersBurst_Is429WithRetryAfter_AndEveryAnswerCarriesRateLimitFields()
    {
        var session = await platform.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(tier: "advanced"));

        // Bursts of 3, refilled at 1/s: a quick run of requests meets a 429 (a slow machine may see a refill first).
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10 && answers.All(a => a.StatusCode != HttpStatusCode.TooManyRequests); i++)
        {
            answers.Add(await session.Client.GetAsync("/v1/partners/me"));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.Equal("\"sandbox-advanced\";q=3;w=3", a.Headers.GetValues("RateLimit-Policy").Single()));
        Assert.StartsWith("\"sandbox-advanced\";r=2;", answers[0].Headers.GetValues("RateLimit").Single());
        var limited = answers[^1];
        await limited.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.StartsWith("\"sandbox-advanced\";r=0;", limited.Headers.GetValues("RateLimit").Single());
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) >= 1);
    }

    [Fact]
    public async Task Limits_ArePerPartner_AndSizedByTier()
    {
        var busy = await platform.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(tier: "advanced"));
        var basic = await platform.NewPartnerSessionAsync(body: PlatformFactory.PartnerBody(tier: "basic"));
        for (var i = 0; i < 4; i++)
        {
            await busy.Client.GetAsync("/v1/partners/me");
        }

        var other = await basic.Client.GetAsync("/v1/partners/me");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("\"sandbox-basic\";q=5;w=5", other.Headers.GetValues("RateLimit-Policy").Single());
    }
}

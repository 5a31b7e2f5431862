using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.OAuth;

/// <summary>Token requests are limited per source address too (here bursts of 4, no refill: the test clock stands still).</summary>
public sealed class TokenRequestAddressLimitTests(TokenRequestAddressLimitTests.TightAddressLimit platform)
    : IClassFixture<TokenRequestAddressLimitTests.TightAddressLimit>
{
    public sealed class TightAddressLimit : PlatformFactory
    {
        public TightAddressLimit()
        {
            Settings["RateLimits:Anonymous:PermitsPerSecond"] = "1";
            Settings["RateLimits:Anonymous:Burst"] = "4";
        }
    }

    [Fact]
    public async Task One_address_trying_many_client_ids_is_limited()
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await platform.RequestTokenAsync("cli_unknown_" + Guid.NewGuid().ToString("N"), "sk_guess"));
        }

        Assert.All(answers.Take(4), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        foreach (var limited in answers.Skip(4))
        {
            var json = await limited.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.Equal("rate_limited", json["error"]!.GetValue<string>());
            Assert.Contains("address", json["error_description"]!.GetValue<string>());
            Assert.Equal("\"token-address\";q=4;w=4", limited.Headers.GetValues("RateLimit-Policy").Single());
            Assert.Equal("1", limited.Headers.GetValues("Retry-After").Single());
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.OAuth;

/// <summary>
/// Every endpoint that answers without a token — discovery, JWKS, revocation, introspection, the API
/// documents and the API itself before it says 401 — draws on one budget per source address
/// (here bursts of 3 at 1/s; each test starts with a full budget).
/// </summary>
public sealed class AnonymousEndpointLimitTests(AnonymousEndpointLimitTests.TightAnonymousLimit platform)
    : IClassFixture<AnonymousEndpointLimitTests.TightAnonymousLimit>
{
    public sealed class TightAnonymousLimit : PlatformFactory
    {
        public TightAnonymousLimit()
        {
            Settings["RateLimits:Anonymous:PermitsPerSecond"] = "1";
            Settings["RateLimits:Anonymous:Burst"] = "3";
        }
    }

    public static TheoryData<string, string, string?> AnonymousEndpoints => new()
    {
        { "GET", "/.well-known/openid-configuration", null },
        { "GET", "/.well-known/jwks", null },
        { "POST", "/connect/introspect", "token=abc&client_id=sbx_nobody&client_secret=sk_nothing" },
        { "POST", "/connect/revoke", "token=abc&client_id=sbx_nobody&client_secret=sk_nothing" },
        { "GET", "/swagger/v2/swagger.json", null },
        { "GET", "/docs/index.html", null },
        { "GET", "/v2/orders", null },
    };

    [Theory]
    [MemberData(nameof(AnonymousEndpoints))]
    public async Task Each_anonymous_endpoint_answers_429_with_rate_limit_fields_once_the_address_budget_is_spent(string method, string path, string? form)
    {
        platform.Clock.Advance(TimeSpan.FromMinutes(1)); // a full budget
        var client = platform.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.SendAsync(Request(method, path, form)));
        }

        Assert.All(answers.Take(3), a => Assert.NotEqual(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.Equal("\"anonymous\";q=3;w=3", answers[0].Headers.GetValues("RateLimit-Policy").Single());
        var limited = answers[3];
        await limited.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal("1", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("\"anonymous\";r=0;t=3", limited.Headers.GetValues("RateLimit").Single());
    }

    [Fact]
    public async Task A_made_up_bearer_token_does_not_buy_an_own_budget_for_discovery()
    {
        platform.Clock.Advance(TimeSpan.FromMinutes(1));
        var client = platform.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "made.up.token");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync("/.well-known/jwks")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task Health_probes_are_not_limited()
    {
        platform.Clock.Advance(TimeSpan.FromMinutes(1));
        var client = platform.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
    }

    private static HttpRequestMessage Request(string method, string path, string? form) => new(new HttpMethod(method), path)
    {
        Content = form is null ? null : new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
    };
}

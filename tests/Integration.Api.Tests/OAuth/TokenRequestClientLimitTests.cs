using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.OAuth;

/// <summary>Token requests are limited per client id (here bursts of 3, no refill: the test clock stands still).</summary>
public sealed class TokenRequestClientLimitTests(TokenRequestClientLimitTests.TightClientLimit platform)
    : IClassFixture<TokenRequestClientLimitTests.TightClientLimit>
{
    public sealed class TightClientLimit : PlatformFactory
    {
        public TightClientLimit()
        {
            Settings["RateLimits:Client:PermitsPerSecond"] = "1";
            Settings["RateLimits:Client:Burst"] = "3";
        }
    }

    [Fact]
    public async Task Guessing_a_clients_secret_is_limited_before_it_reaches_the_database_and_other_clients_are_not_affected()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await platform.RequestTokenAsync(credential.ClientId, "sk_wrong_" + i));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        foreach (var limited in answers.Skip(3))
        {
            var json = await limited.ReadProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.Equal("rate_limited", json["error"]!.GetValue<string>()); // what OAuth clients read
            Assert.Contains("client", json["error_description"]!.GetValue<string>());
            Assert.Equal("1", limited.Headers.GetValues("Retry-After").Single());
            Assert.Equal("\"token-client\";r=0;t=3", limited.Headers.GetValues("RateLimit").Single());
        }
        // Only the three requests that got through were checked (and audited); the limited ones never were.
        await platform.FlushRefusedTokenSummariesAsync();
        var refused = await platform.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == "token.refused" && e.Target == credential.ClientId));
        Assert.Equal(3, System.Text.Json.Nodes.JsonNode.Parse(refused.Details!)!["count"]!.GetValue<int>());

        var other = await platform.IssueCredentialAsync(partnerId);
        Assert.Equal(HttpStatusCode.OK, (await platform.RequestTokenAsync(other.ClientId, other.Secret)).StatusCode);
    }

    [Fact]
    public async Task The_client_id_in_a_basic_authorization_header_counts_too()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);
        using var client = platform.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(credential.ClientId)}:{Uri.EscapeDataString(credential.Secret)}")));
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}

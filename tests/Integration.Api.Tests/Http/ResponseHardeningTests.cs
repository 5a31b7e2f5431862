using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

/// <summary>Issue 18's smaller findings: what a response gives away, and JSON a client can make ambiguous.</summary>
public sealed class ResponseHardeningTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task An_unknown_client_and_a_wrong_secret_get_the_same_answer()
    {
        var session = await platform.NewPartnerSessionAsync();

        var unknown = await platform.RequestTokenAsync("sbx_doesnotexist0000000000000", "sk_whatever");
        var wrongSecret = await platform.RequestTokenAsync(session.Credential.ClientId, "sk_whatever");

        Assert.Equal(unknown.StatusCode, wrongSecret.StatusCode);
        var (a, b) = (JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!, JsonNode.Parse(await wrongSecret.Content.ReadAsStringAsync())!);
        Assert.Equal(a["error"]!.GetValue<string>(), b["error"]!.GetValue<string>());
        Assert.Equal(a["error_description"]?.GetValue<string>(), b["error_description"]?.GetValue<string>());
        Assert.Equal(a["error_uri"]?.GetValue<string>(), b["error_uri"]?.GetValue<string>());
    }

    [Fact]
    public async Task Authenticated_answers_are_not_stored_by_caches_and_no_answer_is_sniffed()
    {
        var session = await platform.NewPartnerSessionAsync();

        var me = await session.Client.GetAsync("/v2/partners/me");
        var anonymous = await platform.CreateClient().GetAsync("/v2/partners/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("no-store", me.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", me.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("nosniff", anonymous.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_body_with_a_field_twice_is_refused_rather_than_the_last_one_winning()
    {
        var session = await platform.NewPartnerSessionAsync();
        var json = """{"name":"Pudong","name":"Hongqiao","type":"warehouse","regionCode":"CN-SH"}""";

        var response = await session.Client.PostAsync("/v2/locations", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}

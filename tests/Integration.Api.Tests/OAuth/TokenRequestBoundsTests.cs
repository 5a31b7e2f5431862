using System.Net;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.OAuth;

/// <summary>An anonymous caller cannot make the platform store what it sends (issue 18: the audit log as a disk filler).</summary>
public sealed class TokenRequestBoundsTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_client_id_longer_than_any_client_id_is_refused_before_anything_is_stored()
    {
        var entriesBefore = await platform.WithDbAsync(db => db.AuditEntries.CountAsync());

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await platform.RequestTokenAsync(new string((char)('a' + i), 200_000), "sk_whatever"));
        }

        foreach (var answer in answers)
        {
            var json = await answer.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_request");
            Assert.Equal("invalid_request", json["error"]!.GetValue<string>()); // what OAuth clients read
        }
        Assert.Equal(entriesBefore, await platform.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_refused_request_with_a_plausible_client_id_is_still_audited_within_its_columns()
    {
        var clientId = "sbx_" + new string('z', 96); // 100 characters: the longest accepted

        var answer = await platform.RequestTokenAsync(clientId, "sk_whatever");

        Assert.True(answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, answer.StatusCode.ToString());
        await platform.FlushRefusedTokenSummariesAsync();
        var entry = await platform.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("token.refused", clientId), (entry.Action, entry.Actor));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("basic secret")]
    [InlineData("scope")]
    public async Task A_secret_or_scope_longer_than_the_documented_bound_is_refused_as_an_invalid_request(string what)
    {
        var session = await platform.NewPartnerSessionAsync();
        var longSecret = session.Credential.Secret + new string('x', 200);
        HttpResponseMessage answer;
        if (what == "basic secret")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{session.Credential.ClientId}:{longSecret}")));
            answer = await platform.CreateClient().SendAsync(request);
        }
        else
        {
            answer = what == "secret"
                ? await platform.RequestTokenAsync(session.Credential.ClientId, longSecret)
                : await platform.RequestTokenAsync(session.Credential.ClientId, session.Credential.Secret, string.Join(' ', Enumerable.Repeat("orders:read", 100)));
        }

        var json = await answer.ReadProblemAsync(HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains(what.EndsWith("secret") ? "client_secret" : "scope", json["error_description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("key")]
    [InlineData("value")]
    public async Task A_form_too_large_to_read_is_an_OAuth_invalid_request_not_a_500(string what)
    {
        var huge = new string('q', 1_000_000);
        var form = what == "key" ? $"grant_type=client_credentials&{huge}=1" : $"grant_type=client_credentials&client_id=sbx_x&scope={huge}x{huge}x{huge}x{huge}x{huge}";

        var answer = await platform.CreateClient().PostAsync("/connect/token", new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.True(answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, answer.StatusCode.ToString());
        var json = System.Text.Json.Nodes.JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Equal(answer.StatusCode == HttpStatusCode.BadRequest ? "invalid_request" : "payload_too_large", json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_refusal_at_the_token_endpoint_carries_an_OAuth_error_for_OAuth_clients()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token?x=%00")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };

        var json = await (await platform.CreateClient().SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest, "bad_request");

        Assert.Equal("invalid_request", json["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(json["error_description"]!.GetValue<string>()));
    }
}

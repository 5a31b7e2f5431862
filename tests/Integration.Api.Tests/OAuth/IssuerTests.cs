using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.OAuth;

public sealed class IssuerTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Discovery_and_tokens_name_the_configured_issuer_whatever_host_the_request_came_by()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "instance-7.internal:8080";
        var discovery = await (await platform.CreateClient().SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
        var session = await platform.NewPartnerSessionAsync();
        var payload = Jwt.Payload(session.AccessToken);

        Assert.Equal(PlatformFactory.Issuer, discovery["issuer"]!.GetValue<string>());
        Assert.Equal(PlatformFactory.Issuer + "connect/token", discovery["token_endpoint"]!.GetValue<string>());
        Assert.Equal(PlatformFactory.Issuer + ".well-known/jwks", discovery["jwks_uri"]!.GetValue<string>());
        Assert.Equal(PlatformFactory.Issuer, payload["iss"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "OAuth:Issuer is not set")]
    [InlineData("partners.example.com", "is not an absolute http(s) URL")]
    [InlineData("http://partners.example.com/", "must use https")]
    [InlineData("https://partners.example.com/?tenant=1", "must not have a query")]
    public async Task Outside_Development_an_instance_without_a_usable_issuer_refuses_to_start(string issuer, string message)
    {
        await using var instance = new PlatformWithIssuer(issuer);

        var error = await Assert.ThrowsAnyAsync<Exception>(instance.InitializeAsync);

        Assert.Contains(message, error.ToString());
    }

    private sealed class PlatformWithIssuer : PlatformFactory
    {
        public PlatformWithIssuer(string issuer)
        {
            Settings["OAuth:Issuer"] = issuer;
            Settings["OAuth:AllowPlainHttp"] = "false";
        }
    }
}

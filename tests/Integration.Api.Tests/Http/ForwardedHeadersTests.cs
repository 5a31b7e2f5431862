using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

/// <summary>Over real loopback TCP, so that the caller's address is what a proxy's would be.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task A_client_cannot_claim_https_by_sending_X_Forwarded_Proto_itself()
    {
        await using var instance = new HttpsOnlyPlatform(trustLoopbackProxy: false);
        await instance.InitializeAsync();

        var response = await TokenOverPlainHttpClaimingHttpsAsync(instance);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTPS", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_configured_proxy_terminating_TLS_is_believed()
    {
        await using var instance = new HttpsOnlyPlatform(trustLoopbackProxy: true);
        await instance.InitializeAsync();

        var response = await TokenOverPlainHttpClaimingHttpsAsync(instance);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("KnownProxies", "10.0.0.300")]
    [InlineData("KnownNetworks", "10.0.0.0")]
    public async Task A_malformed_proxy_setting_stops_the_start_naming_the_setting(string setting, string value)
    {
        await using var instance = new PlatformFactoryWith($"ForwardedHeaders:{setting}:0", value);

        var error = await Assert.ThrowsAnyAsync<Exception>(instance.InitializeAsync);

        Assert.Contains($"ForwardedHeaders:{setting}:0", error.ToString());
    }

    private static async Task<HttpResponseMessage> TokenOverPlainHttpClaimingHttpsAsync(PlatformFactory instance)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = instance.AdminClientId,
                ["client_secret"] = instance.AdminClientSecret,
            }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "partners.example.com");
        return await instance.CreateClient().SendAsync(request);
    }

    private sealed class HttpsOnlyPlatform : PlatformFactory
    {
        public HttpsOnlyPlatform(bool trustLoopbackProxy)
        {
            UseKestrel(0);
            Settings["OAuth:AllowPlainHttp"] = "false";
            Settings["OAuth:Issuer"] = "https://partners.example.com/";
            if (trustLoopbackProxy)
            {
                Settings["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8";
            }
        }
    }

    private sealed class PlatformFactoryWith : PlatformFactory
    {
        public PlatformFactoryWith(string key, string value) => Settings[key] = value;
    }
}

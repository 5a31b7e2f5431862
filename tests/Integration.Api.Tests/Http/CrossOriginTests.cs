using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

/// <summary>
/// The API is called server to server with client secrets that never belong in a browser, so it grants no origin:
/// a browser refuses a cross-origin read from any page. This is why sdk/.spectral.yaml switches off the rule that
/// wants Access-Control-Allow-Origin declared: the day a preflight is answered, that rule goes back on.
/// </summary>
public sealed class CrossOriginTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Theory]
    [InlineData("/v2/orders")]
    [InlineData("/v1/orders")]
    [InlineData("/admin/v1/partners")]
    [InlineData("/connect/token")]
    public async Task A_preflight_from_another_origin_is_granted_nothing(string path)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");

        var response = await platform.CreateClient().SendAsync(preflight);

        Assert.False(response.IsSuccessStatusCode && response.Headers.Contains("Access-Control-Allow-Methods"), $"{path}: {(int)response.StatusCode}");
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_cross_origin_read_carries_no_grant_for_the_browser()
    {
        var session = await platform.NewPartnerSessionAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v2/partners/me");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await session.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }
}

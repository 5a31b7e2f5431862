using Integration.Api.Tests.Infrastructure;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>The platform sees which SDK a partner calls with: the request log shows each call with the SDK's User-Agent.</summary>
public sealed class SdkRequestLogTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task The_request_log_shows_each_call_with_the_sdk_version_that_made_it()
    {
        var (client, _, session) = await platform.NewPartnerAsync();
        var missing = await Assert.ThrowsAnyAsync<PartnerApiException>(() => client.Orders.GetAsync("ord_not_there"));

        var page = await client.RequestLog.ListAsync(new RequestLogListOptions { Path = "/v2/orders/ord_not_there" });

        var entry = Assert.Single(page.Data);
        var version = typeof(PartnerClient).Assembly.GetName().Version!.ToString(3);
        Assert.StartsWith($"PartnerPlatform.Sdk/{version} (.NET ", entry.UserAgent);
        Assert.Equal(404, entry.Status);
        Assert.Equal(missing.Code, entry.ProblemCode);
        Assert.Equal(missing.RequestId, entry.RequestId);
        Assert.Equal(session.Credential.ClientId, entry.ClientId);
        Assert.Equal(entry.Id, (await client.RequestLog.GetAsync(entry.Id)).Id);
    }
}

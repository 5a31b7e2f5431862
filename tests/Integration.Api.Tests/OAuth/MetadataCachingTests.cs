using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.OAuth;

/// <summary>Discovery and JWKS change only when keys rotate: clients and CDNs may cache them (issue 18).</summary>
public sealed class MetadataCachingTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks")]
    public async Task Discovery_and_keys_are_cacheable_for_an_hour(string path)
    {
        var answer = await platform.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var cacheControl = answer.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromHours(1), cacheControl.MaxAge);
        Assert.False(cacheControl.NoStore);
        Assert.False(cacheControl.NoCache);
        Assert.DoesNotContain("no-cache", answer.Headers.Pragma.Select(p => p.Name));
    }

    [Fact]
    public async Task Token_answers_stay_uncacheable()
    {
        var partnerId = await platform.CreatePartnerAsync();
        var credential = await platform.IssueCredentialAsync(partnerId);

        var answer = await platform.RequestTokenAsync(credential.ClientId, credential.Secret);

        Assert.True(answer.Headers.CacheControl!.NoStore);
    }
}

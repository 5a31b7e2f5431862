using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>A successful answer says what a failed one says: its status, request id, whether it was replayed and the rate limit left.</summary>
public sealed class SdkResponseMetadataTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_replayed_idempotent_create_says_it_was_replayed()
    {
        var (client, _, request) = await platform.PartnerWithAnOrderToPlaceAsync("META-1");
        var options = new RequestOptions { IdempotencyKey = $"meta-{Guid.NewGuid()}" };

        var created = await client.Orders.CreateAsync(request, options);
        var replayed = await client.Orders.CreateAsync(request, options);

        Assert.Equal(created.Id, replayed.Id);
        Assert.False(created.LastResponse!.IdempotentReplayed);
        Assert.True(replayed.LastResponse!.IdempotentReplayed);
        Assert.Equal(HttpStatusCode.Created, created.LastResponse.StatusCode);
        Assert.StartsWith("req_", created.LastResponse.RequestId);
        Assert.NotEqual(created.LastResponse.RequestId, replayed.LastResponse.RequestId);
        Assert.True(created.LastResponse.RateLimitRemaining > 0);
    }

    [Fact]
    public async Task Reads_and_pages_carry_their_answer_too()
    {
        var (client, _, session) = await platform.NewPartnerAsync();

        var me = await client.Partner.GetAsync();
        var page = await client.Orders.ListAsync();

        Assert.Equal(HttpStatusCode.OK, me.LastResponse!.StatusCode);
        Assert.StartsWith("req_", me.LastResponse.RequestId);
        Assert.False(me.LastResponse.IdempotentReplayed);
        Assert.Equal(HttpStatusCode.OK, page.LastResponse!.StatusCode);
        Assert.NotEqual(me.LastResponse.RequestId, page.LastResponse.RequestId);
        Assert.Equal(session.PartnerId, me.Id);
    }
}

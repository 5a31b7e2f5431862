using System.Threading.RateLimiting;
using Integration.Api.Tests.Infrastructure;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>A busy client keeps itself inside its budget with a limiter of its own, before requests leave the process.</summary>
public sealed class SdkClientRateLimitTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_call_waits_for_the_limiters_permit_and_then_succeeds()
    {
        using var limiter = Limiter(queue: 10);
        var (client, transport, session) = await platform.NewPartnerAsync(o => o.RateLimiter = limiter);
        await client.Partner.GetAsync();
        var busy = limiter.AttemptAcquire(); // the budget's only permit, held elsewhere in the app

        var waiting = client.Partner.GetAsync();
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, transport.Requests.Count(r => r.Path == "/v2/partners/me"));

        busy.Dispose();
        Assert.Equal(session.PartnerId, (await waiting).Id);
        Assert.Equal(2, transport.Requests.Count(r => r.Path == "/v2/partners/me"));
    }

    [Fact]
    public async Task A_call_the_limiter_cannot_queue_is_refused_without_reaching_the_platform()
    {
        using var limiter = Limiter(queue: 0);
        var (client, transport, _) = await platform.NewPartnerAsync(o => o.RateLimiter = limiter);
        await client.Partner.GetAsync();
        using var busy = limiter.AttemptAcquire();

        var refused = await Assert.ThrowsAsync<PartnerRateLimitedException>(() => client.Partner.GetAsync());

        Assert.Contains("client-side", refused.Message);
        Assert.Equal(1, transport.Requests.Count(r => r.Path == "/v2/partners/me"));
    }

    // One permit at a time, released by the test, not by a timer: no test waits on the clock.
    private static ConcurrencyLimiter Limiter(int queue) =>
        new(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = queue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst });
}

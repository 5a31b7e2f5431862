using System.Collections.Concurrent;
using Integration.Api.Tests.Infrastructure;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>Every call, reads included, takes <see cref="RequestOptions"/>: extra headers, its own timeout, its own Idempotency-Key.</summary>
public sealed class SdkRequestOptionsTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_read_sends_the_callers_headers_and_the_platform_answers_with_the_callers_request_id()
    {
        var (client, transport, _) = await platform.NewPartnerAsync();
        var seen = new ConcurrentDictionary<string, string>();
        transport.Disturb = (request, send) =>
        {
            if (request.Headers.TryGetValues("X-Erp-Batch", out var batch))
            {
                seen[request.RequestUri!.AbsolutePath] = batch.Single();
            }
            return send();
        };
        var mine = $"erp-{Guid.NewGuid():N}";

        var me = await client.Partner.GetAsync(new RequestOptions { Headers = { ["X-Request-Id"] = mine, ["X-Erp-Batch"] = "nightly-7" } });
        var products = await client.Products.ListAsync(new ListOptions { Limit = 1 }, new RequestOptions { Headers = { ["X-Erp-Batch"] = "nightly-8" } });

        Assert.Equal(mine, me.LastResponse!.RequestId);
        Assert.Equal("nightly-7", seen["/v2/partners/me"]);
        Assert.Equal("nightly-8", seen["/v2/products"]);
        Assert.False(seen.ContainsKey("/connect/token")); // the caller's headers are for the API, not the token endpoint
        Assert.NotNull(products.LastResponse);
    }

    [Fact]
    public async Task A_read_gives_up_after_its_own_timeout()
    {
        var (client, transport, _) = await platform.NewPartnerAsync(o => o.MaxRetries = 0);
        await client.Partner.GetAsync(); // the token is fetched before the platform slows down
        transport.Disturb = async (request, send) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            return await send();
        };

        var timedOut = await Assert.ThrowsAsync<PartnerTimeoutException>(() => client.Partner.GetAsync(new RequestOptions { Timeout = TimeSpan.FromMilliseconds(100) }));

        Assert.Contains("0.1 s", timedOut.Message);
    }

    [Fact]
    public async Task A_cancel_with_the_callers_idempotency_key_is_applied_once_however_often_it_is_sent()
    {
        var (client, transport, toPlace) = await platform.PartnerWithAnOrderToPlaceAsync("OPT-1");
        var order = await client.Orders.CreateAsync(toPlace);
        var options = new RequestOptions { IdempotencyKey = $"cancel-{Guid.NewGuid()}" };

        var cancelled = await client.Orders.CancelAsync(order.Id, order.Version, options);
        var again = await client.Orders.CancelAsync(order.Id, order.Version, options);

        Assert.Equal(OrderStatus.Cancelled, again.Status);
        Assert.True(again.LastResponse!.IdempotentReplayed);
        Assert.Equal([options.IdempotencyKey, options.IdempotencyKey], transport.Requests.Where(r => r.Method == HttpMethod.Post && r.Path.EndsWith("/cancel", StringComparison.Ordinal)).Select(r => r.IdempotencyKey));
        Assert.Equal(cancelled.Version, again.Version);
    }
}

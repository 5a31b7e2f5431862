using System.Net;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Orders;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Orders;

/// <summary>
/// Orders placed at the same moment are committed together (GroupCommit); to the partner each must
/// still behave as its own request: its own answer, its own failure, its own place in the event log.
/// </summary>
public sealed class OrderGroupCommitTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task ConcurrentOrders_EachGetTheirOwnAnswer_AndADuplicateReferenceFailsOnlyItsRequest()
    {
        var sku = await platform.CreateProductAsync(10.00m);
        var session = await platform.NewPartnerSessionAsync();
        var references = Enumerable.Range(0, 39).Select(i => $"PO-BURST-{i}").Append("PO-BURST-7").ToList();

        var responses = await Task.WhenAll(references.Select((reference, i) =>
            session.Client.PostOrderAsync(CommerceSetup.OrderBody(reference, (sku, i + 1)), key: $"burst-{i}")));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(39, created.Count);
        var refused = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Created);
        await refused.ReadProblemAsync(HttpStatusCode.Conflict, "duplicate_reference");
        // Each answer is that request's own order, as stored.
        foreach (var response in created)
        {
            var order = await response.ReadJsonAsync(HttpStatusCode.Created);
            var stored = await (await session.Client.GetAsync(response.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(order.ToJsonString(), stored.ToJsonString());
        }
        // One order.created per order in the partner's log, numbered 1..39 without gaps.
        var logged = (await (await session.Client.GetAsync("/v1/events?limit=100&types=order.created")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 39).Select(i => (long)i), logged.Select(e => e!["sequence"]!.GetValue<long>()));
        Assert.Equal(39, logged.Select(e => e!["data"]!["orderId"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task AWriteThatBreaksAConstraint_FailsAlone_WhileTheRestOfItsBatchCommits()
    {
        var sku = await platform.CreateProductAsync(3.00m);
        var session = await platform.NewPartnerSessionAsync();
        var committer = platform.Services.GetRequiredService<GroupCommit>();
        var orders = Enumerable.Range(0, 20).Select(i => Order.Place(Core.Common.Ids.New("ord"), session.PartnerId, Core.Common.ApiEnvironment.Live,
            i == 13 ? "PO-TWIN" : i == 5 ? "PO-TWIN" : $"PO-BATCH-{i}", prepay: false, 0m,
            [OrderLine.Price(1, sku, "Batch bag", 1, 3.00m, 0m)], null, DateTimeOffset.UtcNow)).ToList();

        // Queued without waiting, so the writer finds them together.
        var commits = orders.Select(order => committer.CommitAsync([db => db.Orders.Add(order)])).ToList();
        var outcomes = await Task.WhenAll(commits.Select(async commit =>
        {
            try
            {
                await commit;
                return null;
            }
            catch (DbUpdateException e)
            {
                return e;
            }
        }));

        Assert.Single(outcomes, e => e is not null);
        Assert.NotNull(outcomes[13]);
        var stored = await platform.WithDbAsync(db => db.Visible<Order>().Where(o => o.PartnerId == session.PartnerId).Select(o => o.Reference).ToListAsync());
        Assert.Equal(19, stored.Count);
        Assert.Contains("PO-TWIN", stored);
    }

    [Fact]
    public async Task TwoInstances_GivenOneKeyAtOnce_CreateExactlyOneOrder()
    {
        await using var second = new PlatformFactory(platform.Database);
        await second.InitializeAsync();
        var sku = await platform.CreateProductAsync(7.00m);
        var session = await platform.NewPartnerSessionAsync();
        var onSecond = second.ClientWithToken(session.AccessToken);
        var body = CommerceSetup.OrderBody("PO-TWO-SERVERS", (sku, 1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? session.Client : onSecond).PostOrderAsync(body, key: "key-two-servers")));

        Assert.Equal(1, await platform.WithDbAsync(db => db.Visible<Order>().CountAsync(o => o.Reference == "PO-TWO-SERVERS")));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.ReadProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        }
        var locations = responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Headers.Location).Distinct().ToList();
        var location = Assert.Single(locations);
        foreach (var client in new[] { session.Client, onSecond })
        {
            var retry = await client.PostOrderAsync(body, key: "key-two-servers");
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal(location, retry.Headers.Location);
        }
    }
}

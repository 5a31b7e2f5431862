using System.Net;
using System.Net.Http.Json;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Orders;

public sealed class OrderIdempotencyTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task SameKeySameRequest_ReplaysTheFirstResponse_WithoutASecondOrder()
    {
        var sku = await platform.CreateProductAsync(12.34m);
        var session = await platform.NewPartnerSessionAsync();
        var body = CommerceSetup.OrderBody("PO-REPLAY", (sku, 2));

        var first = await session.Client.PostOrderAsync(body, key: "key-replay-1");
        var second = await session.Client.PostOrderAsync(body, key: "key-replay-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await platform.WithDbAsync(db => db.Visible<Core.Orders.Order>().CountAsync(o => o.Reference == "PO-REPLAY" && o.PartnerId == session.PartnerId)));
    }

    [Fact]
    public async Task SameKeyDifferentBody_Is422AndCreatesNothing()
    {
        var sku = await platform.CreateProductAsync(5.00m);
        var session = await platform.NewPartnerSessionAsync();
        (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-A", (sku, 1)), key: "key-reused")).EnsureSuccessStatusCode();

        var response = await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-B", (sku, 1)), key: "key-reused");

        await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(0, await platform.WithDbAsync(db => db.Visible<Core.Orders.Order>().CountAsync(o => o.Reference == "PO-B")));
    }

    [Fact]
    public async Task MissingKey_Is400NamingTheHeader()
    {
        var sku = await platform.CreateProductAsync(5.00m);
        var session = await platform.NewPartnerSessionAsync();

        var response = await session.Client.PostAsJsonAsync("/v1/orders", CommerceSetup.OrderBody("PO-NOKEY", (sku, 1)));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_required");
        Assert.NotNull(problem["errors"]!["Idempotency-Key"]);
    }

    [Fact]
    public async Task FiftyConcurrentRequestsWithOneKey_CreateExactlyOneOrder()
    {
        var sku = await platform.CreateProductAsync(9.99m);
        var session = await platform.NewPartnerSessionAsync();
        var body = CommerceSetup.OrderBody("PO-STORM", (sku, 1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => session.Client.PostOrderAsync(body, key: "key-storm")));

        Assert.Equal(1, await platform.WithDbAsync(db => db.Visible<Core.Orders.Order>().CountAsync(o => o.Reference == "PO-STORM")));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.ReadProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        }
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Headers.Location).Distinct().ToList();
        Assert.Single(created);
        var afterStorm = await session.Client.PostOrderAsync(body, key: "key-storm");
        Assert.Equal(HttpStatusCode.Created, afterStorm.StatusCode);
        Assert.Equal(created[0], afterStorm.Headers.Location);
    }

    [Fact]
    public async Task Keys_AreScopedToThePartner()
    {
        var sku = await platform.CreateProductAsync(5.00m);
        var first = await platform.NewPartnerSessionAsync();
        var second = await platform.NewPartnerSessionAsync();
        var body = CommerceSetup.OrderBody("PO-SHARED-KEY", (sku, 1));

        var a = await (await first.Client.PostOrderAsync(body, key: "key-shared")).ReadJsonAsync(HttpStatusCode.Created);
        var responseB = await second.Client.PostOrderAsync(body, key: "key-shared");
        var b = await responseB.ReadJsonAsync(HttpStatusCode.Created);

        Assert.NotEqual(a["id"]!.GetValue<string>(), b["id"]!.GetValue<string>());
        Assert.False(responseB.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task AFailedRequest_DoesNotUseUpItsKey()
    {
        var session = await platform.NewPartnerSessionAsync();
        var sku = CommerceSetup.NewSku();
        var body = CommerceSetup.OrderBody("PO-LATER", (sku, 1));

        await (await session.Client.PostOrderAsync(body, key: "key-retry")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_sku");
        await platform.CreateProductAsync(5.00m, sku);

        await (await session.Client.PostOrderAsync(body, key: "key-retry")).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Keys_AreKeptAtLeast24Hours()
    {
        await using var isolated = new PlatformFactory();
        await isolated.InitializeAsync();
        var sku = await isolated.CreateProductAsync(5.00m);
        var session = await isolated.NewPartnerSessionAsync();
        var body = CommerceSetup.OrderBody("PO-DAY", (sku, 1));
        (await session.Client.PostOrderAsync(body, key: "key-day")).EnsureSuccessStatusCode();

        isolated.Clock.Advance(TimeSpan.FromHours(23));
        var token = await isolated.TokenAsync(session.Credential.ClientId, session.Credential.Secret);
        var replay = await isolated.ClientWithToken(token).PostOrderAsync(body, key: "key-day");

        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task AKeyPastItsRetention_StartsAfresh_ForANewRequest()
    {
        var sku = await platform.CreateProductAsync(5.00m);
        var session = await platform.NewPartnerSessionAsync();
        var first = await (await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-YESTERDAY", (sku, 1)), key: "key-reused-later"))
            .ReadJsonAsync(HttpStatusCode.Created);
        // Expired but not yet pruned (pruning runs hourly): the claim itself must clear it.
        var past = platform.Clock.GetUtcNow().AddMinutes(-1);
        await platform.WithDbAsync(db => db.IdempotencyRecords.IgnoreQueryFilters()
            .Where(r => r.PartnerId == session.PartnerId && r.Key == "key-reused-later")
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ExpiresAt, past)));

        var response = await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-TODAY", (sku, 1)), key: "key-reused-later");
        var replay = await session.Client.PostOrderAsync(CommerceSetup.OrderBody("PO-TODAY", (sku, 1)), key: "key-reused-later");

        // A different body is a new order, not 422, and the key now replays that order.
        var second = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(response.Headers.Location, replay.Headers.Location);
    }
}

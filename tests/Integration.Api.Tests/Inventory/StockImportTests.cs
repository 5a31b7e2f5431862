using System.Net;
using System.Text;
using Integration.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Inventory;

public sealed class StockImportTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    private static Task<HttpResponseMessage> UploadAsync(PartnerSession session, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/inventory/imports") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return session.Client.SendAsync(request);
    }

    private Task<int> RunImportsAsync(int maxChunks = int.MaxValue) =>
        platform.Services.GetRequiredService<Api.Inventory.StockImportRunner>().RunOnceAsync(CancellationToken.None, maxChunks);

    [Fact]
    public async Task AJsonLinesImport_AppliesGoodRows_AndReportsBadOnesByLine()
    {
        var sku = await platform.CreateProductAsync(3m);
        var other = await platform.CreateProductAsync(3m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        var body = string.Join('\n',
            $$"""{"locationId":"{{location}}","sku":"{{sku}}","onHand":40}""",
            """{"locationId":"broken json""",
            $$"""{"locationId":"loc_not_mine","sku":"{{sku}}","onHand":1}""",
            "",
            $$"""{"locationId":"{{location}}","sku":"{{other}}","delta":5,"reason":"received"}""",
            $$"""{"locationId":"{{location}}","sku":"{{other}}","onHand":-3}""");

        var accepted = await UploadAsync(session, body, "application/x-ndjson");
        var import = await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("queued", import["status"]!.GetValue<string>());
        Assert.Equal(5, import["totalRows"]!.GetValue<int>());
        await RunImportsAsync();

        var done = await (await session.Client.GetAsync(accepted.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal((5, 2, 3, 1m), (done["processedRows"]!.GetValue<int>(), done["appliedRows"]!.GetValue<int>(), done["failedRows"]!.GetValue<int>(), done["progress"]!.GetValue<decimal>()));
        Assert.Equal([2, 3, 6], done["errors"]!.AsArray().Select(e => e!["line"]!.GetValue<int>()));
        Assert.Equal(40, (await session.StockAsync(location, sku))["onHand"]!.GetValue<int>());
        Assert.Equal(5, (await session.StockAsync(location, other))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task ACsvImport_ReadsItsHeader()
    {
        var sku = await platform.CreateProductAsync(3m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        var body = $"sku,locationId,delta,reason\n{sku},{location},7,received\n{sku},{location},two,received\n{sku},{location},1,found\n";

        var accepted = await UploadAsync(session, body, "text/csv");
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        await RunImportsAsync();

        var done = await (await session.Client.GetAsync(accepted.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, 2), (done["appliedRows"]!.GetValue<int>(), done["failedRows"]!.GetValue<int>()));
        var errors = done["errors"]!.AsArray();
        Assert.Equal([3, 4], errors.Select(e => e!["line"]!.GetValue<int>()));
        Assert.Contains("whole number", errors[0]!["error"]!.GetValue<string>());
        Assert.Contains("reason must be one of received, sold", errors[1]!["error"]!.GetValue<string>());
        Assert.Equal(7, (await session.StockAsync(location, sku))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task AWorkerThatDies_IsSucceededAfterItsLease_WithoutApplyingAChunkTwice()
    {
        await using var isolated = new PlatformFactory();
        await isolated.InitializeAsync();
        var skus = new List<string>();
        for (var i = 0; i < 5_000; i++)
        {
            skus.Add($"IMP-{i:D5}");
        }
        await isolated.WithDbAsync(async db =>
        {
            await using var transaction = await Data.UnitOfWorkExtensions.BeginUnitOfWorkAsync(db);
            db.Products.AddRange(skus.Select(sku => new Core.Catalog.Product { Sku = sku, Name = sku, ListPrice = 1m }));
            await db.SaveChangesAsync();
            await transaction.CommitAsync(CancellationToken.None);
            return 0;
        });
        var session = await isolated.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        // 12,000 lines of +1: three chunks of 5,000 lines; each SKU once per chunk.
        var body = string.Join('\n', Enumerable.Range(0, 12_000).Select(i => $$"""{"locationId":"{{location}}","sku":"{{skus[i % 5_000]}}","delta":1,"reason":"received"}"""));
        var accepted = await UploadAsync(session, body, "application/x-ndjson");
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        var runner = isolated.Services.GetRequiredService<Api.Inventory.StockImportRunner>();

        Assert.Equal(1, await runner.RunOnceAsync(CancellationToken.None, maxChunks: 1)); // then the worker "dies", holding its lease
        Assert.Equal(0, await runner.RunOnceAsync(CancellationToken.None));              // nobody takes it while the lease runs
        isolated.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(2, await runner.RunOnceAsync(CancellationToken.None));

        var client = isolated.ClientWithToken(await isolated.TokenAsync(session.Credential.ClientId, session.Credential.Secret));
        var done = await (await client.GetAsync(accepted.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(("completed", 12_000), (done["status"]!.GetValue<string>(), done["appliedRows"]!.GetValue<int>()));
        Assert.Equal(3, (await (await client.GetAsync($"/v2/locations/{location}/stock/{skus[0]}")).ReadJsonAsync(HttpStatusCode.OK))["onHand"]!.GetValue<int>());
        Assert.Equal(2, (await (await client.GetAsync($"/v2/locations/{location}/stock/{skus[4_999]}")).ReadJsonAsync(HttpStatusCode.OK))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task BadUploads_AreRefused()
    {
        var session = await platform.NewPartnerSessionAsync();
        await (await UploadAsync(session, "sku,warehouse\nA,B\n", "text/csv")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(session, "\n\n", "application/x-ndjson")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync(session, "{}", "application/xml")).ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var stranger = await platform.NewPartnerSessionAsync();
        var sku = await platform.CreateProductAsync(1m);
        var accepted = await UploadAsync(session, $$"""{"locationId":"loc_x","sku":"{{sku}}","onHand":1}""", "application/x-ndjson");
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        await (await stranger.Client.GetAsync(accepted.Headers.Location)).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}

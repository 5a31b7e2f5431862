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
        platform.Services.GetRequiredService<Integration.Application.Inventory.StockImportRunner>().RunOnceAsync(CancellationToken.None, maxChunks);

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

    private static Task<HttpResponseMessage> UploadBytesAsync(PartnerSession session, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v2/inventory/imports") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return session.Client.SendAsync(request);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ImportAsync(PartnerSession session, byte[] body, int expectedRows)
    {
        var accepted = await UploadBytesAsync(session, body);
        Assert.Equal(expectedRows, (await accepted.ReadJsonAsync(HttpStatusCode.Accepted))["totalRows"]!.GetValue<int>());
        await RunImportsAsync();
        var done = await (await session.Client.GetAsync(accepted.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        return done;
    }

    private static byte[] WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private static IReadOnlyList<(int Line, string Error)> Errors(System.Text.Json.Nodes.JsonNode import) =>
        import["errors"]!.AsArray().Select(e => (e!["line"]!.GetValue<int>(), e["error"]!.GetValue<string>())).ToList();

    [Fact]
    public async Task AnExcelCsv_WithBomCrlfAndQuotes_IsReadByColumnName()
    {
        var sku = await platform.CreateProductAsync(3m);
        var other = await platform.CreateProductAsync(3m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        // As Excel saves "CSV UTF-8": BOM, CRLF, every text quoted, columns in its own order and case, blank lines at the end.
        var body = WithBom(
            "\"Reason\",\"SKU\",\"LOCATIONID\",\"Delta\"\r\n" +
            $"\"received\",\"{sku}\",\"{location}\",\"12\"\r\n" +
            $"\"received\",\"A,B\",\"{location}\",\"3\"\r\n" +          // a quoted comma stays in its field
            $"\"received\",\"{other}\",\"{location}\",\"4\"\r\n" +
            "\r\n\r\n");

        var done = await ImportAsync(session, body, expectedRows: 3);

        Assert.Equal((2, 1), (done["appliedRows"]!.GetValue<int>(), done["failedRows"]!.GetValue<int>()));
        var error = Assert.Single(Errors(done));
        Assert.Equal(3, error.Line);
        Assert.StartsWith("sku:", error.Error);
        Assert.Equal(12, (await session.StockAsync(location, sku))["onHand"]!.GetValue<int>());
        Assert.Equal(4, (await session.StockAsync(location, other))["onHand"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sep=;\r\n")] // Excel's separator hint
    public async Task ASemicolonCsv_AsEuropeanLocalesWriteIt_IsRead(string hint)
    {
        var sku = await platform.CreateProductAsync(3m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        var body = WithBom($"{hint}sku;locationId;onHand\r\n{sku};{location};25\r\n");

        var done = await ImportAsync(session, body, expectedRows: 1);

        Assert.Equal(1, done["appliedRows"]!.GetValue<int>());
        Assert.Equal(25, (await session.StockAsync(location, sku))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task BadRows_AreReportedWithTheirLine_FieldAndReason_AndTheRestApply()
    {
        var sku = await platform.CreateProductAsync(3m);
        var other = await platform.CreateProductAsync(3m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        var body = Encoding.UTF8.GetBytes(
            "locationId,sku,onHand\n" +
            $"{location},{sku}\n" +                               // line 2: onHand missing
            $"{location},\"{other}\nX\",5\n" +                   // lines 3-4: a line break inside a quoted field
            $"{location},{other},7,extra\n" +                      // line 5: one value too many
            $"{location},{other},\"8\"x\n" +                       // line 6: text after a closing quote
            $"{location},{other},9\n");                           // line 7

        var done = await ImportAsync(session, body, expectedRows: 5);

        var errors = Errors(done);
        Assert.Equal([2, 3, 5, 6], errors.Select(e => e.Line));
        Assert.Contains("onHand is missing", errors[0].Error);
        Assert.StartsWith("sku:", errors[1].Error);
        Assert.Contains("found 4", errors[2].Error);
        Assert.Contains("quot", errors[3].Error);
        Assert.Equal(1, done["appliedRows"]!.GetValue<int>());
        Assert.Equal(9, (await session.StockAsync(location, other))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task LineNumbers_CountLinesInsideQuotesAndBlankLines_AcrossChunks()
    {
        var sku = await platform.CreateProductAsync(3m);
        var session = await platform.NewPartnerSessionAsync();
        var location = await session.CreateLocationAsync();
        var body = new StringBuilder("locationId,sku,onHand\r\n");
        body.Append($"{location},\"two\r\nlines\",1\r\n");                              // lines 2-3
        body.Append(string.Concat(Enumerable.Repeat(" \r\n\r\n", 5_000)));                  // lines 4-10,003: blank, past the first chunk
        body.Append($"{location},{sku},two\r\n{location},{sku},6\r\n");                   // lines 10,004 and 10,005

        var done = await ImportAsync(session, Encoding.UTF8.GetBytes(body.ToString()), expectedRows: 3);

        Assert.Equal([2, 10_004], Errors(done).Select(e => e.Line));
        Assert.Equal(6, (await session.StockAsync(location, sku))["onHand"]!.GetValue<int>());
    }

    [Fact]
    public async Task AQuoteThatIsNeverClosed_CannotSwallowTheUpload()
    {
        var session = await platform.NewPartnerSessionAsync();
        var body = "locationId,sku\nloc_a,\"SKU-1\n" + string.Concat(Enumerable.Repeat("loc_a,SKU-2\n", 20_000));
        var problem = await (await UploadBytesAsync(session, Encoding.UTF8.GetBytes(body))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("line 2", problem["errors"]!["body"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("locationId,sku,warehouse\nA,B,C\n", "unknown: warehouse")]
    [InlineData("locationId,sku,sku\nA,B,C\n", "more than once")]
    [InlineData("locationId\tsku\nA\tB\n", "commas or semicolons")]
    [InlineData("", "locationId and sku")]
    [InlineData("locationId,sku\n\n\n", "no rows")]
    [InlineData("locationId,sku\nA,\0B\n", "NUL")]
    public async Task ACsvThatCannotBeRead_IsRefusedWhole(string body, string reason)
    {
        var session = await platform.NewPartnerSessionAsync();
        var problem = await (await UploadBytesAsync(session, Encoding.UTF8.GetBytes(body))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem["errors"]!["body"]![0]!.GetValue<string>());
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
        var runner = isolated.Services.GetRequiredService<Integration.Application.Inventory.StockImportRunner>();

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

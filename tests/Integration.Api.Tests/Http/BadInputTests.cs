using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

/// <summary>Bodies a client can send by mistake or on purpose: each gets a problem naming what is wrong, never a 500.</summary>
public sealed class BadInputTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Theory]
    [InlineData("""{"rows":null}""", "rows")]
    [InlineData("""{"rows":[null]}""", "rows")]
    [InlineData("""{"rows":[{"locationId":null,"sku":"SKU-1","onHand":1}]}""", "rows[0].locationId")]
    [InlineData("""{"rows":[{"locationId":"loc_1","sku":null,"onHand":1}]}""", "rows[0].sku")]
    public async Task A_bulk_stock_sync_with_nulls_is_400_naming_the_field(string json, string field)
    {
        var session = await platform.NewPartnerSessionAsync();

        var response = await session.Client.PostAsync("/v2/inventory/bulk", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
    }

    [Theory]
    [InlineData("/v2/inventory/shared?sku=SKU-1&region=CN-ABC-XYZA", "region")]
    [InlineData("/v2/inventory/shared?sku=sku%20one&region=CN", "sku")]
    [InlineData("/v2/events?types=" + "order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created&types=order.created", "types")]
    public async Task A_bad_query_parameter_beside_others_is_400_naming_it(string path, string field)
    {
        var session = await platform.NewPartnerSessionAsync();

        var response = await session.Client.GetAsync(path);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
    }

    [Theory]
    [InlineData("/v2/webhooks", """{"url":"https://example.com/hook","eventTypes":[null]}""", "eventTypes")]
    [InlineData("/v2/locations", """{"name":"Shop","type":"store","regionCode":"CN-SH","sharing":"named","sharedWith":[null]}""", "sharedWith")]
    [InlineData("/v2/locations", """{"name":"Shop","type":"store","regionCode":"CN-SH","sharing":"named","sharedWith":null}""", "sharedWith")]
    public async Task A_null_element_never_counts_as_the_one_an_at_least_one_rule_wants(string path, string json, string field)
    {
        var session = await platform.NewPartnerSessionAsync();

        var response = await session.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.StartsWith(field, StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
    }

    [Theory]
    [InlineData("""{"status":null}""", "status")]
    [InlineData("""{"tier":null}""", "tier")]
    [InlineData("""{"agreement":null}""", "agreement")]
    public async Task A_null_for_a_member_the_document_only_lets_you_leave_out_is_400_naming_it(string json, string field)
    {
        var partnerId = await platform.CreatePartnerAsync();
        var admin = await platform.AdminClientAsync();

        var response = await admin.PatchAsync($"/admin/v1/partners/{partnerId}", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.Contains(field, StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("iso-8859-1")]
    [InlineData("utf-32")]
    public async Task A_body_in_another_charset_than_UTF_8_is_415(string charset)
    {
        var session = await platform.NewPartnerSessionAsync();
        var bytes = Encoding.Unicode.GetBytes("""{"name":"Pudong","type":"warehouse","regionCode":"CN-SH"}""").Append((byte)'{').ToArray(); // an odd byte count
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        var response = await session.Client.PostAsync("/v2/locations", content);

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Contains("UTF-8", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF-8")]
    [InlineData("\"utf-8\"")]
    public async Task UTF_8_however_written_is_accepted(string charset)
    {
        var session = await platform.NewPartnerSessionAsync();
        var content = new StringContent("""{"name":"Pudong","type":"warehouse","regionCode":"CN-SH"}""");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        var response = await session.Client.PostAsync("/v2/locations", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("3000-01")]
    [InlineData("1999-12")]
    public async Task A_settlement_period_out_of_range_is_400(string period)
    {
        var admin = await platform.AdminClientAsync();

        var close = await admin.PostAsJsonAsync("/admin/v1/settlements/close", new { period, environment = "sandbox" });
        var read = await (await platform.NewPartnerSessionAsync()).Client.GetAsync($"/v2/settlements/{period}");

        await close.ReadProblemAsync(HttpStatusCode.BadRequest);
        await read.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    // Found by the contract fuzz suite: PostgreSQL cannot store U+0000 in text, so it was a 500 there (a NUL kept on SQLite).
    [Fact]
    public async Task A_NUL_character_in_a_body_string_is_400_naming_the_field()
    {
        var session = await platform.NewPartnerSessionAsync();

        var response = await session.Client.PostAsync("/v2/locations",
            new StringContent("""{"name":"Pu\u0000dong","type":"warehouse","regionCode":"CN-SH"}""", Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.Equals("name", StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
    }

    // Found by the contract fuzz suite on PostgreSQL: a NUL in a query value reached the database (500).
    [Theory]
    [InlineData("/admin/v1/partners?regionCode=CN%00")]
    [InlineData("/v2/orders?reference=PO%00")]
    public async Task A_NUL_character_in_a_query_value_is_400(string path)
    {
        var session = await platform.NewPartnerSessionAsync();
        var client = path.StartsWith("/admin", StringComparison.Ordinal) ? await platform.AdminClientAsync() : session.Client;

        var response = await client.GetAsync(path);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    // Found by the contract fuzz suite on PostgreSQL: a timestamp with an offset other than Z reached the database as
    // is, which only takes UTC (500); it is the same instant in UTC.
    [Fact]
    public async Task A_query_timestamp_with_any_offset_filters_by_its_instant()
    {
        var session = await platform.NewPartnerSessionAsync();

        var response = await session.Client.GetAsync("/v2/orders?createdTo=2026-12-01T00:00:00%2B14:00&createdFrom=2000-01-01T00:00:00-12:00");

        await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    // Found by the contract fuzz suite: [RegularExpression] lets an empty string through, the documented pattern does not.
    [Fact]
    public async Task An_empty_string_where_a_pattern_is_declared_is_400_naming_the_field()
    {
        var admin = await platform.AdminClientAsync();
        var body = PlatformFactory.PartnerBody(region: "");

        var response = await admin.PostAsJsonAsync("/admin/v1/partners", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.Equals("regionCode", StringComparison.OrdinalIgnoreCase)), problem.ToJsonString());
    }
}

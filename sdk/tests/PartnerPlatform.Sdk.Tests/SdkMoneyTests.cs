using System.Net;
using System.Reflection;
using System.Text.Json;
using Integration.Api.Tests.Infrastructure;
using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>v2 money and rates are decimal strings on the wire; a partner writes and reads them as <see cref="decimal"/>.</summary>
public sealed class SdkMoneyTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_dispute_opened_for_a_decimal_is_sent_exactly_and_reads_back_to_the_cent()
    {
        var (client, transport, order, _) = await PartnerWithADeliveredOrderAsync("SDK-MONEY-1");
        var bodies = RecordBodies(transport);

        var opened = await client.Disputes.OpenAsync(new OpenDisputeRequestV2 { OrderId = order.Id, Amount = 10.55m, Reason = "Scuffed box" });
        var read = await client.Disputes.GetAsync(opened.Id);

        Assert.Contains("\"amount\":\"10.55\"", bodies.Single(b => b.Path == "/v2/disputes").Body);
        Assert.Equal(10.55m, opened.Amount.Amount);
        Assert.Equal(10.55m, read.Amount.Amount);
        Assert.Equal(order.Total.Amount, (await client.Orders.GetAsync(order.Id)).Total.Amount);
    }

    [Fact]
    public async Task A_third_decimal_is_sent_as_it_is_and_refused_by_the_platform_never_rounded()
    {
        var (_, _, order, session) = await PartnerWithADeliveredOrderAsync("SDK-MONEY-2");
        var (client, transport) = await SdkHarness.ClientForAsync(platform, session.Credential, breaksTheContract: true);
        var bodies = RecordBodies(transport);

        var refused = await Assert.ThrowsAsync<PartnerValidationException>(() =>
            client.Disputes.OpenAsync(new OpenDisputeRequestV2 { OrderId = order.Id, Amount = 10.555m, Reason = "Scuffed box" }));

        Assert.Contains("\"amount\":\"10.555\"", bodies.Single(b => b.Path == "/v2/disputes").Body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("validation_failed", refused.Code);
        Assert.Contains(refused.Errors.Keys, k => k.Contains("amount", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await client.Disputes.ListAutoPagingAsync().ToListAsync());
    }

    [Theory]
    [InlineData("{\"amount\":\"149.99\",\"currency\":\"CNY\"}", "149.99")]
    [InlineData("{\"amount\":149.99,\"currency\":\"CNY\"}", "149.99")]
    [InlineData("{\"amount\":\"-0.10\",\"currency\":\"CNY\"}", "-0.10")]
    [InlineData("{\"amount\":\"1000000000000.00\",\"currency\":\"CNY\"}", "1000000000000.00")]
    public void Money_is_read_from_a_string_or_a_number_and_written_back_as_the_same_string(string json, string amount)
    {
        var options = WireJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var money = JsonSerializer.Deserialize<MoneyAmount>(json, options)!;

        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal($"{{\"amount\":\"{amount}\",\"currency\":\"CNY\"}}", JsonSerializer.Serialize(money, options));
    }

    [Theory]
    [InlineData("{\"amount\":\"ten\",\"currency\":\"CNY\"}")]
    [InlineData("{\"amount\":\"1e3\",\"currency\":\"CNY\"}")]
    [InlineData("{\"amount\":\"10,50\",\"currency\":\"CNY\"}")]
    [InlineData("{\"amount\":true,\"currency\":\"CNY\"}")]
    public void Anything_but_a_plain_decimal_is_refused_when_read(string json)
    {
        var options = WireJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MoneyAmount>(json, options));
    }

    /// <summary>Every v2 string the contract calls decimal (money, rates) is a decimal in the SDK, never a string to format by hand.</summary>
    [Fact]
    public void Every_decimal_string_of_the_contract_is_a_decimal_in_the_sdk()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SdkFolder.File("openapi", "v2.json")));
        var exported = typeof(PartnerClient).Assembly.GetExportedTypes();
        var wrong = new List<string>();
        var found = 0;
        foreach (var schema in document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Where(s => s.Name != "OAuthError"))
        {
            if (!schema.Value.TryGetProperty("properties", out var properties)) continue;
            foreach (var property in properties.EnumerateObject())
            {
                var member = property.Value;
                if (member.TryGetProperty("type", out var type) && type.GetString() == "string"
                    && member.TryGetProperty("description", out var description) && description.GetString()!.Contains("decimal", StringComparison.OrdinalIgnoreCase))
                {
                    found++;
                    var sdkType = exported.Single(t => t.Name == schema.Name)
                        .GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!.PropertyType;
                    if (sdkType != typeof(decimal) && sdkType != typeof(decimal?)) wrong.Add($"{schema.Name}.{property.Name} is {sdkType.Name}");
                }
            }
        }
        Assert.True(found >= 8, $"only {found} decimal strings found: is the contract being read?");
        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
    }

    private async Task<(PartnerClient Client, RecordingTransport Transport, Orders.OrderV2 Order, PartnerSession Session)> PartnerWithADeliveredOrderAsync(string reference)
    {
        var sku = await platform.CreateProductAsync(200m);
        await platform.SetBrandStockAsync(sku, 10);
        var (client, transport, session) = await platform.NewPartnerAsync();
        var order = await client.Orders.CreateAsync(new Orders.CreateOrderRequest { Reference = reference, Lines = [new Orders.OrderLineRequest { Sku = sku, Quantity = 1 }] });
        foreach (var step in new[] { "confirm", "ship", "deliver" })
        {
            (await platform.AdminMoveAsync(order.Id, step, step == "ship" ? new { carrier = "SF", trackingNumber = "1" } : null)).EnsureSuccessStatusCode();
        }
        return (client, transport, order, session);
    }

    private static List<(string Path, string Body)> RecordBodies(RecordingTransport transport)
    {
        var bodies = new List<(string Path, string Body)>();
        transport.Disturb = async (request, send) =>
        {
            if (request.Content is { } content)
            {
                bodies.Add((request.RequestUri!.AbsolutePath, await content.ReadAsStringAsync()));
            }
            return await send();
        };
        return bodies;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Sandbox;

namespace Integration.Api.Tests.Settlement;

/// <summary>
/// Issue 19: v2 money is a decimal string everywhere, in what a partner sends too. Every v2 request member carrying
/// money takes <c>"10.00"</c> or <c>"10"</c>, refuses anything else (a JSON number, an exponent, a third decimal,
/// padding, an empty or non-numeric string) with a 400 naming the member, and is stored and answered to the cent.
/// v1 keeps JSON numbers until its sunset.
/// </summary>
public sealed class V2MoneyInRequestsTests
{
    /// <summary>Each v2 money member, in a body that is otherwise fine (the ids name nothing: the value is refused before they are looked up).</summary>
    private static readonly (string Path, string Field, Func<JsonNode?, JsonObject> Body)[] MoneyMembers =
    [
        ("/v2/disputes", "amount", v => new JsonObject { ["orderId"] = "ord_missing", ["amount"] = v, ["reason"] = "Damaged on arrival" }),
        ("/v2/sandbox/actions/disputes/dsp_missing/resolve", "adjustment", v => new JsonObject { ["outcome"] = "accepted", ["adjustment"] = v, ["note"] = "Refunded." }),
        ("/v2/sandbox/actions/activity-subsidies", "cost", v => new JsonObject { ["eventName"] = "Store opening", ["cost"] = v }),
        ("/v2/sandbox/actions/settlements/stm_missing/record-payment", "amount", v => new JsonObject { ["amount"] = v }),
    ];

    /// <summary>What a v2 money member refuses, as JSON: numbers, and strings that are not a plain decimal with at most two places.</summary>
    private static readonly string[] BadForms =
    [
        "10", "10.00", "1e3", "\"1e3\"", "\"12.345\"", "\" 1\"", "\"1 \"", "\"\"", "\"NaN\"", "\"Infinity\"", "\"+1\"", "\"1,000.00\"", "\"0x10\"", "\"1.\"", "\".5\"",
        "\"10\\n\"", "\"١٠\"", "true", "{}",
    ];

    [Fact]
    public async Task Every_v2_money_member_refuses_what_is_not_a_decimal_string_and_names_itself()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var client = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        var wrong = new List<string>();

        foreach (var (path, field, body) in MoneyMembers)
        {
            foreach (var form in BadForms)
            {
                using var response = await client.PostAsync(path, new StringContent(body(JsonNode.Parse(form)).ToJsonString(), Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                var problem = response.StatusCode == HttpStatusCode.BadRequest ? JsonNode.Parse(text) : null;
                if (problem?["code"]?.GetValue<string>() != "validation_failed" || problem["errors"]?[field] is null)
                {
                    wrong.Add($"{path} {field} = {form}: {(int)response.StatusCode} {text}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task Each_v2_money_member_takes_a_decimal_string_with_or_without_cents_and_answers_it_to_the_cent()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var client = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        var delivered = (await client.OrdersAsync()).First(o => o!["status"]!.GetValue<string>() == "delivered")!["id"]!.GetValue<string>();

        var whole = await (await client.PostAsJsonAsync("/v2/disputes", new { orderId = delivered, amount = "10", reason = "Short shipped" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("10.00", whole["amount"]!["amount"]!.GetValue<string>());
        var cents = await (await client.PostAsJsonAsync("/v2/disputes", new { orderId = delivered, amount = "10.05", reason = "Scratched" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("10.05", (await client.GetJsonAsync($"/v2/disputes/{cents["id"]}"))["amount"]!["amount"]!.GetValue<string>());

        var credited = await (await client.PostAsJsonAsync($"/v2/sandbox/actions/disputes/{whole["id"]}/resolve", new { outcome = "accepted", adjustment = "10", note = "Refunded." }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("10.00", credited["adjustment"]!["amount"]!.GetValue<string>());
        var debited = await (await client.PostAsJsonAsync($"/v2/sandbox/actions/disputes/{cents["id"]}/resolve", new { outcome = "accepted", adjustment = "-2.5", note = "Charged back." }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("-2.50", debited["adjustment"]!["amount"]!.GetValue<string>());

        var subsidy = await (await client.PostAsJsonAsync("/v2/sandbox/actions/activity-subsidies", new { eventName = "Store opening", cost = "10.01" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("10.01", subsidy["cost"]!["amount"]!.GetValue<string>());
        Assert.Equal("5.01", subsidy["subsidy"]!["amount"]!.GetValue<string>()); // 50% of 10.01, half away from zero
        var roundSubsidy = await (await client.PostAsJsonAsync("/v2/sandbox/actions/activity-subsidies", new { eventName = "Roadshow", cost = "3000" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("1500.00", roundSubsidy["subsidy"]!["amount"]!.GetValue<string>());

        // A payment's amount is read; the seeded statement is paid already, so nothing is due (SandboxEndToEndTests settles one).
        var paid = (await client.GetJsonAsync("/v2/settlements/2026-10"))["id"]!.GetValue<string>();
        await (await client.PostAsJsonAsync($"/v2/sandbox/actions/settlements/{paid}/record-payment", new { amount = "10" })).ReadProblemAsync(HttpStatusCode.Conflict, "nothing_due");
    }

    [Fact]
    public async Task Each_v2_money_member_keeps_its_range_at_the_cent()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var client = (await platform.NewPartnerSessionAsync("sandbox")).Client;

        await (await client.PostAsJsonAsync("/v2/sandbox/actions/activity-subsidies", new { eventName = "Flagship", cost = "1000000000.00" })).ReadJsonAsync(HttpStatusCode.Created);
        var tooDear = await (await client.PostAsJsonAsync("/v2/sandbox/actions/activity-subsidies", new { eventName = "Flagship", cost = "1000000000.01" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(tooDear["errors"]!["cost"]);
        foreach (var (path, field, body) in MoneyMembers.Where(m => m.Field != "adjustment"))
        {
            var zero = await (await client.PostAsync(path, new StringContent(body("0.00").ToJsonString(), Encoding.UTF8, "application/json")))
                .ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.NotNull(zero["errors"]![field]);
            var negative = await (await client.PostAsync(path, new StringContent(body("-1.00").ToJsonString(), Encoding.UTF8, "application/json")))
                .ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.NotNull(negative["errors"]![field]);
        }
    }

    [Fact]
    public async Task V1_money_is_still_a_json_number()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var client = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        var delivered = (await client.OrdersAsync()).First(o => o!["status"]!.GetValue<string>() == "delivered")!["id"]!.GetValue<string>();

        var dispute = await (await client.PostAsJsonAsync("/v1/disputes", new { orderId = delivered, amount = 10.00m, reason = "Short shipped" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/v1/sandbox/actions/disputes/{dispute["id"]}/resolve", new { outcome = "accepted", adjustment = 10m, note = "Refunded." }))
            .ReadJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/v1/sandbox/actions/activity-subsidies", new { eventName = "Store opening", cost = 10.00m })).ReadJsonAsync(HttpStatusCode.Created);
        var asText = await (await client.PostAsJsonAsync("/v1/sandbox/actions/activity-subsidies", new { eventName = "Store opening", cost = "10.00" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(asText["errors"]!["cost"]);
    }
}

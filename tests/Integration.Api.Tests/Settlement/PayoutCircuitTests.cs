using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Settlement;
using Integration.Application.Settlement;
using Integration.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Integration.Api.Tests.Settlement.SettlementPlatform;

namespace Integration.Api.Tests.Settlement;

/// <summary>
/// The bank gateway's circuit: after enough real failures it opens, and payouts that come up while
/// it is open are not attempted — no attempt spent, not failed, picked up again once the break is over.
/// </summary>
public sealed class PayoutCircuitTests
{
    private static readonly Dictionary<string, string> CircuitOfThree = new()
    {
        ["Settlement:BankGateway:CircuitMinimumThroughput"] = "3",
        ["Settlement:BankGateway:CircuitBreakDuration"] = "00:05:00",
        ["Settlement:BankGateway:CircuitSamplingDuration"] = "00:10:00",   // the window still holds the failures during the break
    };

    /// <summary>Closes April for <paramref name="count"/> partners with +50,000.00 each; the clock ends at 2026-05-01 08:00.</summary>
    private static async Task<List<string>> PayoutsDueAsync(SettlementPlatform platform, int count)
    {
        var partners = new List<SettlementPartner>();
        for (var i = 0; i < count; i++)
        {
            var p = await platform.NewPartnerAsync();
            await platform.RecordSubsidyAsync(p.Id, 100_000m);
            partners.Add(p);
        }
        platform.MoveTo(At(2026, 5, 1, 8));
        await platform.CloseAsync("2026-04");
        var statements = new List<string>();
        foreach (var p in partners)
        {
            statements.Add((await p.StatementAsync("2026-04"))["id"]!.GetValue<string>());
        }
        return statements;
    }

    private static async Task<List<JsonNode>> PayoutsAsync(SettlementPlatform platform)
    {
        var admin = await platform.AdminClientAsync();
        return [.. (await (await admin.GetAsync("/admin/v1/payouts?limit=100")).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray().Select(p => p!)];
    }

    private static Dictionary<string, int> AttemptsByPayout(IEnumerable<JsonNode> payouts) =>
        payouts.ToDictionary(p => p["id"]!.GetValue<string>(), p => p["attempts"]!.GetValue<int>());

    private static async Task<string> GatewayHealthAsync(SettlementPlatform platform)
    {
        var body = await (await platform.CreateClient().GetAsync("/health/ready")).Content.ReadFromJsonAsync<JsonNode>();
        return body!["checks"]!["bank-gateway"]!.GetValue<string>();
    }

    private static int Calls(SettlementPlatform platform) => platform.Bank.Requests("POST") + platform.Bank.Requests("GET");

    [Fact]
    public async Task Payouts_that_come_up_while_the_circuit_is_open_are_not_attempted_and_go_out_after_the_break()
    {
        await using var platform = await StartAsync(At(2026, 4, 10), CircuitOfThree);
        var statements = await PayoutsDueAsync(platform, 5);
        Assert.Equal("healthy", await GatewayHealthAsync(platform));
        platform.Bank.Behaviour = GatewayBehaviour.Failing;
        var opened = platform.Clock.GetUtcNow();

        await platform.RunPayoutsAsync();
        await platform.Bank.WaitUntilIdleAsync();

        // Three real failures open the circuit; the two payouts after them are not sent at all.
        Assert.Equal((3, 0), (platform.Bank.Requests("POST"), platform.Bank.Requests("GET")));
        var payouts = await PayoutsAsync(platform);
        Assert.All(payouts, p => Assert.Equal("pending", p["status"]!.GetValue<string>()));
        var failed = payouts.Where(p => p["attempts"]!.GetValue<int>() == 1).ToList();
        var notAttempted = payouts.Where(p => p["attempts"]!.GetValue<int>() == 0).ToList();
        Assert.Equal((3, 2), (failed.Count, notAttempted.Count));
        Assert.All(failed, p => Assert.Contains("500", p["lastError"]!.GetValue<string>()));
        Assert.All(notAttempted, p =>
        {
            Assert.Contains("not attempted", p["lastError"]!.GetValue<string>());
            Assert.Equal(opened + TimeSpan.FromMinutes(5), p["nextAttemptAt"]!.GetValue<DateTimeOffset>());
        });
        // The breaker counted the three calls it let through, not its own refusals.
        Assert.Equal(new CircuitWindow(Calls: 3, Failures: 3), platform.Services.GetRequiredService<GatewayCircuit>().Window);
        Assert.Equal("degraded", await GatewayHealthAsync(platform));

        // While it is open, due payouts keep their attempts (PayoutMaxAttempts is 3) and the gateway hears nothing.
        var attempts = AttemptsByPayout(payouts);
        for (var minute = 1; minute <= 4; minute++)
        {
            platform.Clock.SetUtcNow(opened + TimeSpan.FromMinutes(minute));
            await platform.RunPayoutsAsync();
        }
        Assert.Equal(3, Calls(platform));
        payouts = await PayoutsAsync(platform);
        Assert.Equal(attempts, AttemptsByPayout(payouts));
        Assert.All(payouts, p => Assert.Equal("pending", p["status"]!.GetValue<string>()));
        Assert.Equal(new CircuitWindow(Calls: 3, Failures: 3), platform.Services.GetRequiredService<GatewayCircuit>().Window);

        // After the break one payout probes; the gateway still fails, so the circuit opens again at once.
        var callsBefore = statements.ToDictionary(s => s, s => platform.Bank.CallsFor(s).Count);
        platform.Clock.SetUtcNow(opened + TimeSpan.FromMinutes(5));
        var probed = platform.Clock.GetUtcNow();
        await platform.RunPayoutsAsync();
        await platform.Bank.WaitUntilIdleAsync();
        payouts = await PayoutsAsync(platform);
        var changed = payouts.Where(p => p["attempts"]!.GetValue<int>() != attempts[p["id"]!.GetValue<string>()]).ToList();
        Assert.Equal(attempts[Assert.Single(changed)["id"]!.GetValue<string>()] + 1, changed[0]["attempts"]!.GetValue<int>());
        Assert.Single(statements, s => platform.Bank.CallsFor(s).Count > callsBefore[s]);    // only the probe reached the gateway
        Assert.Equal("degraded", await GatewayHealthAsync(platform));

        // After the second break the gateway is back: every payout is paid, each once.
        platform.Bank.Behaviour = GatewayBehaviour.Healthy;
        platform.Clock.SetUtcNow(probed + TimeSpan.FromMinutes(5));
        await platform.RunPayoutsAsync();
        await platform.Bank.WaitUntilIdleAsync();
        payouts = await PayoutsAsync(platform);
        Assert.All(payouts, p => Assert.Equal("paid", p["status"]!.GetValue<string>()));
        Assert.All(statements, s => Assert.Equal(1, platform.Bank.PaymentsMade(s)));
        Assert.All(statements, s => Assert.True(platform.Bank.CallsFor(s).Count(c => c == "POST") <= 2, string.Join(", ", platform.Bank.CallsFor(s))));
        Assert.Equal("healthy", await GatewayHealthAsync(platform));
    }

    [Fact]
    public async Task Without_redis_each_instance_has_its_own_circuit()
    {
        await using var a = await StartAsync(At(2026, 4, 10), CircuitOfThree);
        await PayoutsDueAsync(a, 4);
        a.Bank.Behaviour = GatewayBehaviour.FailingPayouts;
        await a.RunPayoutsAsync();
        await a.Bank.WaitUntilIdleAsync();
        Assert.Equal(3, a.Bank.Requests("POST"));
        Assert.Equal("degraded", await GatewayHealthAsync(a));

        await using var b = await a.SecondInstanceAsync(a.Clock.GetUtcNow().AddMinutes(2));
        Assert.Equal("healthy", await GatewayHealthAsync(b));
        await b.RunPayoutsAsync();                                                 // B has seen no failure: it calls the gateway
        await a.Bank.WaitUntilIdleAsync();
        Assert.True(a.Bank.Requests("GET") > 0);
    }

    [Theory]
    [InlineData("Settlement:BankGateway:CircuitMinimumThroughput", "0")]
    [InlineData("Settlement:BankGateway:CircuitBreakDuration", "00:00:00")]
    [InlineData("Settlement:BankGateway:CircuitSamplingDuration", "-00:00:01")]
    [InlineData("Settlement:BankGateway:CircuitFailureRatio", "1.5")]
    public async Task Circuit_settings_out_of_range_stop_the_start(string key, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(At(2026, 4, 10), new Dictionary<string, string> { [key] = value }));
        Assert.Contains(key.Split(':')[^1], error.ToString());
    }
}

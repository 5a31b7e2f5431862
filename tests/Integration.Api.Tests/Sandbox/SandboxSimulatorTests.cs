using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Core.Sandbox;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Sandbox;

/// <summary>Each bank-gateway mode surfaces as the payout state docs/sandbox.md documents; the carrier's failure mode holds deliveries back.</summary>
public sealed class SandboxSimulatorTests
{
    // A subsidy makes November's balance positive, so closing November (due 2026-12-01 06:00) makes a payout.
    private static async Task<(SandboxPlatform Platform, HttpClient Client)> PayoutDueAsync(string mode, Dictionary<string, string>? settings = null)
    {
        var platform = await SandboxPlatform.StartAsync(settings: settings);
        var client = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        await (await client.PostAsJsonAsync("/v2/sandbox/actions/activity-subsidies", new { eventName = "Roadshow", cost = "10000.00" })).ReadJsonAsync(HttpStatusCode.Created);
        var set = await client.SetModeAsync("bank-gateway", mode);
        Assert.Equal(mode, set["mode"]!.GetValue<string>());
        // To the minute November closes: one payout attempt, no retry yet.
        await (await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { to = "2026-12-01T06:00:00Z" })).ReadJsonAsync(HttpStatusCode.OK);
        return (platform, client);
    }

    private static async Task<JsonNode> NovemberPayoutAsync(HttpClient client) =>
        (await client.GetJsonAsync("/v2/settlements/2026-11"))["payouts"]!.AsArray().Single()!;

    private static async Task<List<JsonNode>> GatewayCallsAsync(HttpClient client) =>
        (await client.GetJsonAsync("/v2/sandbox/simulators/bank-gateway/requests?limit=100"))["data"]!.AsArray()
            .Where(r => r!["path"]!.GetValue<string>().StartsWith("/bank-gateway/payouts", StringComparison.Ordinal)
                        && r["at"]!.GetValue<string>().Length > 0 && (r["mode"]?.GetValue<string>() ?? "") != "")
            .Select(r => r!).ToList();

    [Fact]
    public async Task Healthy_PaysOnce()
    {
        var (platform, client) = await PayoutDueAsync("healthy");
        await using var _ = platform;
        Assert.Equal("paid", (await NovemberPayoutAsync(client))["status"]!.GetValue<string>());
        var calls = (await GatewayCallsAsync(client)).Where(c => c["mode"]!.GetValue<string>() == "healthy" && c["method"]!.GetValue<string>() == "POST").ToList();
        Assert.Equal(2, calls.Count); // the seeded October payout and November's
        Assert.All(calls, c => Assert.Equal(201, c["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AReset_ClearsTheSimulatorsRequestLog_SoTheWalkthroughStartsFromTheSeed()
    {
        var (platform, client) = await PayoutDueAsync("healthy");
        await using var _ = platform;
        var before = (await client.GetJsonAsync("/v2/sandbox/simulators/bank-gateway/requests?limit=100"))["data"]!.AsArray()
            .Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(before);

        await (await client.PostAsync("/v2/sandbox/reset", null)).ReadJsonAsync(HttpStatusCode.OK);

        foreach (var simulator in new[] { "bank-gateway", "carrier" })
        {
            var after = (await client.GetJsonAsync($"/v2/sandbox/simulators/{simulator}/requests?limit=100"))["data"]!.AsArray();
            Assert.DoesNotContain(after, c => before.Contains(c!["id"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task ACallMadeBeforeAReset_WrittenAfterItByAnotherInstancesLogWriter_StaysOutOfTheLog_WhileLaterCallsShow()
    {
        var (platform, client) = await PayoutDueAsync("healthy");
        await using var _ = platform;
        var partnerId = await platform.WithDbAsync(db => db.SimulatorCalls.Select(c => c.PartnerId).FirstAsync());
        var madeBeforeReset = DateTimeOffset.UtcNow; // the log is on real time

        await (await client.PostAsync("/v2/sandbox/reset", null)).ReadJsonAsync(HttpStatusCode.OK);
        // Another instance's writer batches its rows; this one, of a call made before the reset, lands after it.
        await platform.WithDbAsync(async db =>
        {
            await using var transaction = await db.BeginUnitOfWorkAsync(CancellationToken.None);
            db.SimulatorCalls.Add(new SimulatorCall
            {
                Id = "simcall_writtenlatebyinstanceb", PartnerId = partnerId, Simulator = "bank-gateway", At = madeBeforeReset,
                Method = "POST", Path = "/bank-gateway/payouts", Mode = "healthy", Status = 201,
            });
            await db.SaveChangesAsync();
            await transaction.CommitAsync(CancellationToken.None);
            return 0;
        });

        Assert.DoesNotContain(await GatewayCallsAsync(client), c => c["id"]!.GetValue<string>() == "simcall_writtenlatebyinstanceb");
        await (await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { to = "2026-12-01T06:00:00Z" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(await GatewayCallsAsync(client), c => c["method"]!.GetValue<string>() == "POST"); // the seeded payout, paid after the reset
    }

    [Fact]
    public async Task Slow_LeavesThePayoutPendingWhileTheGatewayProcesses_AndTheNextAdvanceFindsItPaid()
    {
        var (platform, client) = await PayoutDueAsync("slow");
        await using var _ = platform;
        Assert.Equal("pending", (await NovemberPayoutAsync(client))["status"]!.GetValue<string>());

        await client.AdvanceAsync("PT5M");

        Assert.Equal("paid", (await NovemberPayoutAsync(client))["status"]!.GetValue<string>());
        var slow = (await GatewayCallsAsync(client)).Where(c => c["mode"]!.GetValue<string>() == "slow").Select(c => $"{c["method"]} {c["status"]}").ToList();
        Assert.Equal(["POST 202", "GET 200"], slow);
    }

    [Fact]
    public async Task Failing_KeepsThePayoutPending_RetriesOnItsSchedule_ThenNeedsAttention_UntilRetriedWhenHealthy()
    {
        var (platform, client) = await PayoutDueAsync("failing", new() { ["Settlement:PayoutMaxAttempts"] = "3" });
        await using var _ = platform;
        Assert.Equal("pending", (await NovemberPayoutAsync(client))["status"]!.GetValue<string>());

        // Retries after 1 and 2 minutes fall inside the next hour: both run, in order, and the third failure needs attention.
        var advanced = await client.AdvanceAsync("PT1H");
        Assert.Equal(2, advanced["ran"]!["payoutsAttempted"]!.GetValue<int>());
        var payout = await NovemberPayoutAsync(client);
        Assert.Equal("needs_attention", payout["status"]!.GetValue<string>());
        var failing = (await GatewayCallsAsync(client)).Where(c => c["mode"]!.GetValue<string>() == "failing").ToList();
        Assert.Equal(3, failing.Count);
        Assert.All(failing, c => Assert.Equal(503, c["status"]!.GetValue<int>()));
        Assert.Equal("closed", (await client.GetJsonAsync("/v2/settlements/2026-11"))["status"]!.GetValue<string>());

        await client.SetModeAsync("bank-gateway", "healthy");
        await (await client.PostAsync($"/v2/sandbox/actions/payouts/{payout["id"]!.GetValue<string>()}/retry", null)).ReadJsonAsync(HttpStatusCode.OK);
        await client.AdvanceAsync("PT1M");
        Assert.Equal("paid", (await NovemberPayoutAsync(client))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task DuplicateReports_ThePayoutIsRecordedPaidOnce()
    {
        var (platform, client) = await PayoutDueAsync("duplicate_reports");
        await using var _ = platform;
        var payout = await NovemberPayoutAsync(client);
        Assert.Equal("paid", payout["status"]!.GetValue<string>());
        await client.AdvanceAsync("P1D");

        Assert.Equal(payout.ToJsonString(), (await NovemberPayoutAsync(client)).ToJsonString());
        var reports = (await GatewayCallsAsync(client)).Where(c => c["mode"]!.GetValue<string>() == "duplicate_reports").ToList();
        Assert.Equal(409, Assert.Single(reports)["status"]!.GetValue<int>());
        var paidEvents = (await client.GetJsonAsync("/v2/events?limit=100"))["data"]!.AsArray()
            .Count(e => e!["type"]!.GetValue<string>() == "payout.paid" && e["data"]!["payoutId"]!.GetValue<string>() == payout["id"]!.GetValue<string>());
        Assert.Equal(1, paidEvents);
    }

    [Fact]
    public async Task CarrierFailing_HoldsShippedOrdersBack_UntilItIsHealthyAgain()
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var client = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        var shipped = (await client.OrdersAsync()).Single(o => o!["status"]!.GetValue<string>() == "shipped")!["id"]!.GetValue<string>();
        await client.SetModeAsync("carrier", "failing");

        var held = await client.AdvanceAsync("P5D");
        Assert.Contains(held["ran"]!["ordersHeldBack"]!.AsArray(), h => h!["orderId"]!.GetValue<string>() == shipped && h["reason"]!.GetValue<string>().StartsWith("carrier", StringComparison.Ordinal));
        Assert.Equal("shipped", (await client.GetJsonAsync($"/v2/orders/{shipped}"))["status"]!.GetValue<string>());

        await client.SetModeAsync("carrier", "healthy");
        await client.AdvanceAsync("PT1M");
        Assert.Equal("delivered", (await client.GetJsonAsync($"/v2/orders/{shipped}"))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("bank-gateway", "sometimes", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("carrier", "slow", HttpStatusCode.UnprocessableEntity, "unsupported_simulator_mode")]
    [InlineData("post-office", "healthy", HttpStatusCode.NotFound, "resource_not_found")]
    public async Task UnknownModesAndSimulators_AreRefused_AndTheModeStays(string simulator, string mode, HttpStatusCode status, string code)
    {
        await using var platform = await SandboxPlatform.StartAsync();
        var client = (await platform.NewPartnerSessionAsync("sandbox")).Client;
        await (await client.PostAsJsonAsync($"/v2/sandbox/simulators/{simulator}/mode", new { mode })).ReadProblemAsync(status, code);
        Assert.All((await client.GetJsonAsync("/v2/sandbox"))["simulators"]!.AsArray(), s => Assert.Equal("healthy", s!["mode"]!.GetValue<string>()));
    }
}

public sealed class SandboxOutsideWorldTests
{
    [Fact]
    public async Task SandboxPayouts_NeverReachTheConfiguredBankGateway_FromTheClockOrTheBackgroundJob()
    {
        using var realBank = new Settlement.BankGatewaySimulator();
        await using var platform = await SandboxPlatform.StartAsync(settings: new Dictionary<string, string> { ["Settlement:BankGateway:BaseUrl"] = realBank.Url });
        var session = await platform.NewPartnerSessionAsync("sandbox");
        var client = session.Client;
        await (await client.PostAsJsonAsync("/v2/sandbox/actions/activity-subsidies", new { eventName = "Fair", cost = "5000.00" })).ReadJsonAsync(HttpStatusCode.Created);
        await client.SetModeAsync("bank-gateway", "failing");
        await (await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { to = "2026-12-01T06:00:00Z" })).ReadJsonAsync(HttpStatusCode.OK);
        await client.SetModeAsync("bank-gateway", "healthy");

        // The platform's own payout job, on real time, picks the sandbox payout up once its retry is due in real time too.
        platform.Clock.Advance(TimeSpan.FromDays(5));
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Integration.Application.Settlement.PayoutRunner>().RunOnceAsync(CancellationToken.None));
        }

        var again = platform.ClientWithToken(await platform.TokenAsync(session.Credential.ClientId, session.Credential.Secret));
        Assert.Equal("paid", (await again.GetJsonAsync("/v2/settlements/2026-11"))["payouts"]![0]!["status"]!.GetValue<string>());
        var calls = (await again.GetJsonAsync("/v2/sandbox/simulators/bank-gateway/requests?limit=100"))["data"]!.AsArray();
        Assert.Contains(calls, c => c!["mode"]!.GetValue<string>() == "healthy" && c["status"]!.GetValue<int>() == 201
                                    && JsonNode.Parse(c["requestBody"]!.GetValue<string>())!["reference"]!.GetValue<string>().StartsWith("stm_", StringComparison.Ordinal));
        Assert.Equal(0, realBank.Requests("POST") + realBank.Requests("GET"));
    }
}

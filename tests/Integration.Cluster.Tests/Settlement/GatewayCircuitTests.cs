using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Application.Cluster;
using Integration.Api.Settlement;
using Integration.Application.Settlement;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Settlement;
using Integration.Cluster.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cluster.Tests.Settlement;

/// <summary>
/// The bank gateway's circuit across instances: the time it is open until lives in Redis, so an
/// instance that saw no failure still leaves the gateway alone; without Redis each instance decides alone.
/// </summary>
public sealed class GatewayCircuitTests
{
    private static Dictionary<string, string?> Settings(BankGatewaySimulator bank) => new()
    {
        ["Settlement:BankGateway:BaseUrl"] = bank.Url,
        ["Settlement:BankGateway:AttemptTimeout"] = "00:00:02",
        ["Settlement:BankGateway:TotalTimeout"] = "00:00:05",
        ["Settlement:BankGateway:RetryDelay"] = "00:00:00.050",
        ["Settlement:BankGateway:CircuitMinimumThroughput"] = "2",
        ["Settlement:BankGateway:CircuitBreakDuration"] = "00:05:00",
        ["Settlement:PayoutMaxAttempts"] = "3",
    };

    /// <summary>
    /// Partners with +50,000.00 each in this month; both clocks move to 08:00 on the 1st of the next
    /// month and A closes the month. Returns that moment.
    /// </summary>
    private static async Task<DateTimeOffset> PayoutsDueAsync(TwoInstances cluster, int count)
    {
        var now = cluster.A.Clock.GetUtcNow();
        var admin = await cluster.A.AdminClientAsync();
        for (var i = 0; i < count; i++)
        {
            var partner = await cluster.A.CreatePartnerAsync(PlatformFactory.PartnerBody(qualified: true));
            await (await admin.PostAsJsonAsync($"/admin/v1/partners/{partner}/activity-subsidies",
                new { environment = "live", eventName = "Store opening", cost = 100_000m })).ReadJsonAsync(HttpStatusCode.Created);
        }
        var closeAt = new DateTimeOffset(now.Year, now.Month, 1, 8, 0, 0, TimeSpan.Zero).AddMonths(1);
        cluster.A.Clock.SetUtcNow(closeAt);
        cluster.B.Clock.SetUtcNow(closeAt);
        admin = await cluster.A.AdminClientAsync();
        await (await admin.PostAsJsonAsync("/admin/v1/settlements/close",
            new { period = $"{now:yyyy-MM}", environment = "live", partnerId = (string?)null })).ReadJsonAsync(HttpStatusCode.OK);
        return closeAt;
    }

    private static Task<int> RunPayoutsAsync(ClusterNode node) =>
        node.Services.GetRequiredService<PayoutRunner>().RunOnceAsync(CancellationToken.None);

    private static async Task<Dictionary<string, (string Status, int Attempts)>> PayoutsAsync(ClusterNode node)
    {
        var admin = await node.AdminClientAsync();
        var page = await (await admin.GetAsync("/admin/v1/payouts?limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        return page["data"]!.AsArray().ToDictionary(p => p!["id"]!.GetValue<string>(),
            p => (p!["status"]!.GetValue<string>(), p["attempts"]!.GetValue<int>()));
    }

    private static async Task<string> HealthAsync(ClusterNode node, string check)
    {
        var body = await (await node.CreateClient().GetAsync("/health/ready")).Content.ReadFromJsonAsync<JsonNode>();
        return body!["checks"]![check]!.GetValue<string>();
    }

    [ClusterFact]
    public async Task A_circuit_opened_by_failures_on_one_instance_keeps_the_other_from_calling_the_gateway()
    {
        using var bank = new BankGatewaySimulator();
        await using var cluster = await TwoInstances.StartAsync(Settings(bank));
        var closedAt = await PayoutsDueAsync(cluster, 4);
        bank.Behaviour = GatewayBehaviour.FailingPayouts;

        await RunPayoutsAsync(cluster.A);                       // two real failures open the circuit; two payouts not attempted
        await bank.WaitUntilIdleAsync();
        Assert.Equal((2, 0), (bank.Requests("POST"), bank.Requests("GET")));
        var redis = cluster.B.Services.GetRequiredService<RedisConnection>();
        var shared = await redis.Database!.StringGetAsync(redis.Key("settlement:bank-gateway:circuit-open-until"));
        Assert.True(shared.HasValue, "the open circuit is not in Redis");
        var before = await PayoutsAsync(cluster.B);
        Assert.Equal(4, before.Count);

        // B saw no failure itself, yet within A's break it leaves the gateway alone and spends no attempt.
        cluster.B.Clock.SetUtcNow(closedAt.AddMinutes(2));
        Assert.Equal("degraded", await HealthAsync(cluster.B, "bank-gateway"));
        await RunPayoutsAsync(cluster.B);
        await bank.WaitUntilIdleAsync();
        Assert.Equal((2, 0), (bank.Requests("POST"), bank.Requests("GET")));
        Assert.Equal(before, await PayoutsAsync(cluster.B));

        // After the break B pays every payout, each once.
        bank.Behaviour = GatewayBehaviour.Healthy;
        cluster.B.Clock.SetUtcNow(closedAt.AddMinutes(6));
        await RunPayoutsAsync(cluster.B);
        await bank.WaitUntilIdleAsync();
        Assert.All((await PayoutsAsync(cluster.B)).Values, p => Assert.Equal("paid", p.Status));
        Assert.Equal(6, bank.Requests("POST"));                 // the two failed, then one for each of the four
        Assert.Equal("healthy", await HealthAsync(cluster.B, "bank-gateway"));
    }

    [ClusterFact]
    public async Task With_redis_down_each_instance_falls_back_to_its_own_circuit_without_errors()
    {
        using var bank = new BankGatewaySimulator();
        await using var redis = await OwnRedisServer.StartAsync();
        await using var cluster = await TwoInstances.StartAsync(Settings(bank), redis: redis);
        var closedAt = await PayoutsDueAsync(cluster, 4);
        await redis.StopAsync();
        await Eventually.TrueAsync(async () => await HealthAsync(cluster.A, "redis") == "degraded" && await HealthAsync(cluster.B, "redis") == "degraded");
        bank.Behaviour = GatewayBehaviour.FailingPayouts;

        await RunPayoutsAsync(cluster.A);                       // opens A's own circuit
        await bank.WaitUntilIdleAsync();
        Assert.Equal(2, bank.Requests("POST"));
        Assert.Equal("degraded", await HealthAsync(cluster.A, "bank-gateway"));
        Assert.Equal("healthy", await HealthAsync(cluster.B, "bank-gateway"));

        cluster.B.Clock.SetUtcNow(closedAt.AddMinutes(2));
        await RunPayoutsAsync(cluster.B);                       // B has not heard of it: it calls the gateway
        await bank.WaitUntilIdleAsync();
        Assert.True(bank.Requests("GET") + bank.Requests("POST") > 2);
    }
}

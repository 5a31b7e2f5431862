using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Cluster.Tests.Infrastructure;

namespace Integration.Cluster.Tests.Sandbox;

public sealed class SimulatorLogTests
{
    [ClusterFact]
    public async Task Both_instances_show_a_sandbox_partner_the_same_simulator_log_and_its_modes()
    {
        await using var cluster = await TwoInstances.StartAsync();
        var session = await cluster.A.NewPartnerSessionAsync("sandbox");
        var onA = session.Client;
        var onB = cluster.B.ClientWithToken(session.AccessToken);
        await (await onA.PostAsJsonAsync("/v2/sandbox/actions/activity-subsidies", new { eventName = "Roadshow", cost = "10000.00" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await onB.PostAsJsonAsync("/v2/sandbox/simulators/bank-gateway/mode", new { mode = "slow" })).ReadJsonAsync(HttpStatusCode.OK);

        // The month closes at 06:00 UTC on the 1st: A pays it, through the simulated gateway.
        var now = DateTimeOffset.UtcNow;
        var close = new DateTimeOffset(now.Year, now.Month, 1, 6, 0, 0, TimeSpan.Zero).AddMonths(1);
        await (await onA.PostAsJsonAsync("/v2/sandbox/clock/advance", new { to = close })).ReadJsonAsync(HttpStatusCode.OK);

        var onAsLog = await CallsAsync(onA);
        var onBsLog = await CallsAsync(onB);
        Assert.Contains(onAsLog, c => c["method"]!.GetValue<string>() == "POST" && c["mode"]!.GetValue<string>() == "slow"); // B's mode switch, A's call
        Assert.Equal(Ids(onAsLog), Ids(onBsLog));

        await (await onB.PostAsync("/v2/sandbox/reset", null)).ReadJsonAsync(HttpStatusCode.OK);
        var afterReset = await CallsAsync(onA);
        Assert.DoesNotContain(afterReset, c => Ids(onAsLog).Contains(c["id"]!.GetValue<string>()));
    }

    private static async Task<List<JsonNode>> CallsAsync(HttpClient client) =>
        (await (await client.GetAsync("/v2/sandbox/simulators/bank-gateway/requests?limit=100")).ReadJsonAsync(HttpStatusCode.OK))["data"]!
            .AsArray().Select(c => c!).ToList();

    private static List<string> Ids(List<JsonNode> calls) => calls.Select(c => c["id"]!.GetValue<string>()).ToList();
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Api.Tests.Webhooks;
using Integration.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Integration.Cluster.Tests.Sandbox;

public sealed class ClockAdvanceTakeoverTests(ITestOutputHelper output)
{
    // Enough orders that the advance (three moves each) is still running when the kill lands.
    private const int Orders = 600;

    [ClusterFact]
    public async Task An_advance_whose_instance_is_killed_mid_way_is_finished_by_the_next_instance_after_the_lease_every_order_moved_once()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        using var database = new TestDatabase(postgres.AdminConnection);
        using var receiver = new WebhookReceiver();
        var settings = InstanceProcess.ClusterSettings(database, redis, "c" + Guid.NewGuid().ToString("N")[..8] + ":");
        settings["Sandbox__Clock__AsynchronousAbove"] = "10";
        settings["Sandbox__Clock__AdvanceLease"] = "00:00:05";
        // Small batches: the advance writes many transactions, so the kill lands between two of them, not after the last.
        settings["Sandbox__AdvanceBatchSize"] = "5";
        settings["Webhooks__RequireHttps"] = "false";
        settings["Webhooks__AllowedPrivateHosts__0"] = new Uri(receiver.Url).Host;
        foreach (var tier in new[] { "Basic", "Advanced", "Strategic", "Internal", "Anonymous", "Client" })
        {
            settings[$"RateLimits__{tier}__PermitsPerSecond"] = "100000";
            settings[$"RateLimits__{tier}__Burst"] = "100000";
        }
        settings["RateLimits__SandboxFactor"] = "1";
        var (adminId, adminSecret) = await InstanceProcess.MigrateAndBootstrapAsync(settings);

        await using var a = await InstanceProcess.StartAsync(settings);
        using var admin = a.Client(await a.TokenAsync(adminId, adminSecret));
        var partner = await (await admin.PostAsJsonAsync("admin/v1/partners", PlatformFactory.PartnerBody(qualified: true))).ReadJsonAsync(HttpStatusCode.Created);
        var credential = await (await admin.PostAsJsonAsync($"admin/v1/partners/{partner["id"]}/credentials",
            new { environment = "sandbox", scopes = Core.Credentials.ApiScopes.PartnerScopes })).ReadJsonAsync(HttpStatusCode.Created);
        var (clientId, secret) = (credential["credential"]!["clientId"]!.GetValue<string>(), credential["clientSecret"]!.GetValue<string>());
        using var onA = a.Client(await a.TokenAsync(clientId, secret));
        await (await onA.PostAsJsonAsync("v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "order.status_changed" } })).ReadJsonAsync(HttpStatusCode.Created);
        var orders = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Orders), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            orders.Add((await (await onA.PostOrderAsync(CommerceSetup.OrderBody($"PO-KILL-{i:D4}", ("SBX-CAP-NAVY", 1)), version: "v2"))
                .ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>()));

        var accepted = await onA.PostAsJsonAsync("v2/sandbox/clock/advance", new { by = "P30D" });
        var advance = await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        var path = accepted.Headers.Location!.PathAndQuery.TrimStart('/');
        var expected = advance["progress"]!["orderStepsExpected"]!.GetValue<int>();
        Assert.True(expected >= 3 * Orders, $"{expected} order steps expected");

        // A runs it; kill -9 it part-way, holding its lease.
        var doneAtKill = 0;
        await Eventually.TrueAsync(async () =>
        {
            doneAtKill = (await (await onA.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK))["progress"]!["orderStepsDone"]!.GetValue<int>();
            return doneAtKill > 0;
        }, TimeSpan.FromSeconds(120), "A recording progress");
        await a.KillAsync();
        var killedAt = Stopwatch.StartNew();
        Assert.True(doneAtKill < expected, "the advance finished before the kill; give it more orders");

        // Another instance (the same settings: a restart, or a second instance): the sandbox stays closed until it is ready.
        await using var b = await InstanceProcess.StartAsync(settings);
        using var onB = b.Client(await b.TokenAsync(clientId, secret));
        JsonNode done = null!;
        await Eventually.TrueAsync(async () =>
        {
            done = await (await onB.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);
            if (done["status"]!.GetValue<string>() == "advancing")
            {
                var refused = await onB.GetAsync("v2/orders");
                if (refused.StatusCode == HttpStatusCode.OK) // only if the advance finished in between
                {
                    Assert.NotEqual("advancing", (await (await onB.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>());
                }
                else
                {
                    await refused.ReadProblemAsync(HttpStatusCode.Conflict, "clock_advancing");
                    Assert.NotNull(refused.Headers.RetryAfter);
                }
            }
            return done["status"]!.GetValue<string>() != "advancing";
        }, TimeSpan.FromSeconds(180), "B finishing the advance");
        output.WriteLine($"killed after {doneAtKill} of {expected} order steps; B finished {killedAt.Elapsed.TotalSeconds:0.0} s after the kill (lease 5 s)");
        Assert.Equal("ready", done["status"]!.GetValue<string>());

        // Every order moved exactly once per step: one confirmed, one shipped, one delivered event each.
        var twice = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, token) =>
        {
            var events = (await (await onB.GetAsync($"v2/orders/{id}/events?limit=100", token)).ReadJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
            var moves = events.Where(e => e!["type"]!.GetValue<string>() == "order.status_changed").Select(e => e!["to"]!.GetValue<string>()).Order().ToList();
            if (!moves.SequenceEqual(["confirmed", "delivered", "shipped"]))
            {
                twice.Add($"{id}: {string.Join(", ", moves)}");
            }
        });
        Assert.True(twice.IsEmpty, $"{twice.Count} orders did not move exactly once per step: {string.Join("; ", twice.Take(5))}");

        // And each move was announced once: one webhook event per order and status (a redelivery repeats the same event id).
        var ours = orders.ToHashSet();
        List<IGrouping<(string Order, string To), string>> announced = [];
        await Eventually.TrueAsync(() =>
        {
            announced = receiver.Received.Select(r => (r.Id, Data: r.Json["data"]!))
                .Where(r => ours.Contains(r.Data["orderId"]!.GetValue<string>()))
                .GroupBy(r => (r.Data["orderId"]!.GetValue<string>(), r.Data["to"]!.GetValue<string>()), r => r.Id)
                .ToList();
            return Task.FromResult(announced.Count >= 3 * Orders);
        }, TimeSpan.FromSeconds(120), "every webhook");
        Assert.Equal(3 * Orders, announced.Count);
        Assert.All(announced, g => Assert.Single(g.Distinct()));
    }
}

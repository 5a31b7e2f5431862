using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Integration.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Integration.Cluster.Tests.Inventory;

public sealed class ImportTakeoverTests(ITestOutputHelper output)
{
    // A chunk is 5,000 lines and takes each SKU once, so 5,000 SKUs; 30 chunks give the kill time to land mid-way.
    private const int Skus = 5_000;
    private const int Rows = 150_000;

    [ClusterFact]
    public async Task An_import_whose_instance_is_killed_mid_way_is_finished_by_the_other_after_the_lease_each_row_applied_once()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        using var database = new TestDatabase(postgres.AdminConnection);
        var settings = InstanceProcess.ClusterSettings(database, redis, "k" + Guid.NewGuid().ToString("N")[..8] + ":");
        settings["Inventory__ImportLease"] = "00:00:05";
        settings["RateLimits__Internal__PermitsPerSecond"] = "100000";
        settings["RateLimits__Internal__Burst"] = "100000";
        var (adminId, adminSecret) = await InstanceProcess.MigrateAndBootstrapAsync(settings);

        await using var a = await InstanceProcess.StartAsync(settings);
        using var admin = a.Client(await a.TokenAsync(adminId, adminSecret));
        var skus = Enumerable.Range(0, Skus).Select(i => $"KILL-{i:D4}").ToList();
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (sku, token) =>
            (await admin.PostAsJsonAsync("admin/v1/products", new { sku, name = sku, listPrice = 1m }, token)).EnsureSuccessStatusCode());
        var partner = await (await admin.PostAsJsonAsync("admin/v1/partners", PlatformFactory.PartnerBody(qualified: true))).ReadJsonAsync(HttpStatusCode.Created);
        var credential = await (await admin.PostAsJsonAsync($"admin/v1/partners/{partner["id"]}/credentials",
            new { environment = "sandbox", scopes = Core.Credentials.ApiScopes.PartnerScopes })).ReadJsonAsync(HttpStatusCode.Created);
        var (clientId, secret) = (credential["credential"]!["clientId"]!.GetValue<string>(), credential["clientSecret"]!.GetValue<string>());
        using var partnerOnA = a.Client(await a.TokenAsync(clientId, secret));
        var location = (await (await partnerOnA.PostAsJsonAsync("v2/locations", new { name = "Pudong", type = "warehouse", regionCode = "CN-SH" }))
            .ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var body = string.Join('\n', Enumerable.Range(0, Rows).Select(i => $$"""{"locationId":"{{location}}","sku":"{{skus[i % Skus]}}","delta":1,"reason":"received"}"""));
        var upload = new HttpRequestMessage(HttpMethod.Post, "v2/inventory/imports") { Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson") };
        upload.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var accepted = await partnerOnA.SendAsync(upload);
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        var importPath = accepted.Headers.Location!.PathAndQuery.TrimStart('/');

        // A works on it; kill -9 it part-way, holding its lease.
        var processedAtKill = 0;
        await Eventually.TrueAsync(async () =>
        {
            processedAtKill = (await (await partnerOnA.GetAsync(importPath)).ReadJsonAsync(HttpStatusCode.OK))["processedRows"]!.GetValue<int>();
            return processedAtKill > 0;
        }, TimeSpan.FromSeconds(60), "A starting the import");
        await a.KillAsync();
        var killedAt = Stopwatch.StartNew();
        Assert.True(processedAtKill < Rows, "the import finished before the kill; make it longer");

        await using var b = await InstanceProcess.StartAsync(settings);
        using var partnerOnB = b.Client(await b.TokenAsync(clientId, secret));
        TimeSpan? takenOver = null;
        JsonNode done = null!;
        await Eventually.TrueAsync(async () =>
        {
            done = await (await partnerOnB.GetAsync(importPath)).ReadJsonAsync(HttpStatusCode.OK);
            if (takenOver is null && done["processedRows"]!.GetValue<int>() > processedAtKill)
            {
                takenOver = killedAt.Elapsed;
            }
            return done["status"]!.GetValue<string>() == "completed";
        }, TimeSpan.FromSeconds(120), "B finishing the import");

        output.WriteLine($"killed after {processedAtKill} of {Rows} rows; B took over {takenOver?.TotalSeconds:0.0} s after the kill (lease 5 s); finished {killedAt.Elapsed.TotalSeconds:0.0} s after it");
        Assert.Equal((Rows, 0), (done["appliedRows"]!.GetValue<int>(), done["failedRows"]!.GetValue<int>()));
        foreach (var sku in new[] { skus[0], skus[^1] })
        {
            var level = await (await partnerOnB.GetAsync($"v2/locations/{location}/stock/{sku}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(Rows / Skus, level["onHand"]!.GetValue<int>()); // every row once: none lost, none twice
        }
    }
}

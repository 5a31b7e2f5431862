using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 6's targets: seeding a sandbox (issuing a partner's first sandbox credential, seed included)
/// and resetting a used sandbox each take &lt; 1 s. One partner after another, after one unmeasured
/// warm-up partner; a reset follows a few orders and a 40-day clock advance, so it has real work to undo.
/// </summary>
public static class SandboxBenchmarks
{
    private const int Partners = 20;

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkHost host)
    {
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        await ProvisionAndResetAsync(host, admin, new List<double>(), new List<double>(), new List<double>());

        var (provisioning, secondCredential, resets) = (new List<double>(), new List<double>(), new List<double>());
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Partners; i++)
        {
            await ProvisionAndResetAsync(host, admin, provisioning, secondCredential, resets);
        }
        total.Stop();
        return
        [
            Result("Provision a sandbox: POST /admin/v1/partners/{id}/credentials (first sandbox credential, seed included)", provisioning),
            Result("Baseline: a second sandbox credential (no seeding)", secondCredential),
            Result("POST /v2/sandbox/reset after 3 orders and a 40-day advance", resets),
            await AdvanceWithOpenOrdersAsync(host, admin, OpenOrders),
        ];
    }

    private const int OpenOrders = 200;

    /// <summary>What an advance costs per order step: 200 pending orders, then one 40-day advance (each order confirmed, shipped, delivered).</summary>
    private static async Task<LoadResult> AdvanceWithOpenOrdersAsync(BenchmarkHost host, HttpClient admin, int orders)
    {
        var partner = await admin.PostAsJsonAsync("/admin/v1/partners", new
        {
            name = "Sandbox advance bench", tier = "advanced", creditRating = "B", cooperationMode = "regional_distribution", regionCode = "CN-SH",
        });
        partner.EnsureSuccessStatusCode();
        var partnerId = (await partner.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        var (clientId, secret) = await IssueAsync(admin, partnerId);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(client, clientId, secret));
        for (var i = 0; i < orders; i++)
        {
            var order = new HttpRequestMessage(HttpMethod.Post, "/v2/orders")
            {
                Content = JsonContent.Create(new { reference = $"PO-ADV-{i}", lines = new[] { new { sku = "SBX-SOCKS-3PK", quantity = 1 } } }),
            };
            order.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            (await client.SendAsync(order)).EnsureSuccessStatusCode();
        }
        var timings = new List<double>();
        await TimedAsync(timings, async () => (await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P40D" })).EnsureSuccessStatusCode());
        return Result($"POST /v2/sandbox/clock/advance P40D with {orders} pending orders (x3 moves each, 2 month closes)", timings);
    }

    private static async Task ProvisionAndResetAsync(BenchmarkHost host, HttpClient admin, List<double> provisioning, List<double> secondCredential, List<double> resets)
    {
        var partner = await admin.PostAsJsonAsync("/admin/v1/partners", new
        {
            name = "Sandbox bench " + Guid.NewGuid().ToString("N")[..6], tier = "advanced", creditRating = "B", cooperationMode = "regional_distribution", regionCode = "CN-SH",
        });
        partner.EnsureSuccessStatusCode();
        var partnerId = (await partner.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();

        var (clientId, secret) = await TimedAsync(provisioning, () => IssueAsync(admin, partnerId));
        await TimedAsync(secondCredential, () => IssueAsync(admin, partnerId));

        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(client, clientId, secret));
        for (var i = 0; i < 3; i++)
        {
            var order = new HttpRequestMessage(HttpMethod.Post, "/v2/orders")
            {
                Content = JsonContent.Create(new { reference = $"PO-BENCH-{i}", lines = new[] { new { sku = "SBX-TEE-BLACK-M", quantity = 2 } } }),
            };
            order.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            (await client.SendAsync(order)).EnsureSuccessStatusCode();
        }
        (await client.PostAsJsonAsync("/v2/sandbox/clock/advance", new { by = "P40D" })).EnsureSuccessStatusCode();
        await TimedAsync(resets, async () => (await client.PostAsync("/v2/sandbox/reset", null)).EnsureSuccessStatusCode());
    }

    private static async Task<(string ClientId, string Secret)> IssueAsync(HttpClient admin, string partnerId)
    {
        var issued = await admin.PostAsJsonAsync($"/admin/v1/partners/{partnerId}/credentials", new { environment = "sandbox", scopes = Core.Credentials.ApiScopes.PartnerScopes });
        issued.EnsureSuccessStatusCode();
        var json = (await issued.Content.ReadFromJsonAsync<JsonNode>())!;
        return (json["credential"]!["clientId"]!.GetValue<string>(), json["clientSecret"]!.GetValue<string>());
    }

    private static async Task<T> TimedAsync<T>(List<double> into, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await work();
        into.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private static LoadResult Result(string name, List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"# {name}: max {sorted[^1]:0} ms over {sorted.Length}");
        return new LoadResult(name, sorted.Length, 0, TimeSpan.FromMilliseconds(sorted.Sum()), At(0.50), At(0.95), At(0.99));
    }
}

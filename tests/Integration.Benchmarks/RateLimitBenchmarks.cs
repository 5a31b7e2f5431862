using System.Net.Http.Headers;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 17: the cost of the shared (Redis) rate limiter per request. The same authenticated read
/// on two hosts in this process, interleaved: the given one with per-instance buckets, and one with
/// <c>Redis:Configuration</c> set, whose every request runs the token-bucket script in Redis.
/// Limits are raised so that nothing is refused: this measures the limiter's work, not its refusals.
/// </summary>
public static class RateLimitBenchmarks
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkHost local, BenchmarkSettings settings)
    {
        var redisConfiguration = settings.Redis ?? throw new ArgumentException("--redis <host:port> is needed for the ratelimits suite");
        await using var shared = new BenchmarkHost(settings.Provider, settings.PostgresConnection, new Dictionary<string, string>
        {
            ["Redis:Configuration"] = redisConfiguration,
            ["Redis:KeyPrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8] + ":",
        });
        await shared.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(1)); // Redis connects in the background

        // One partner: concurrent requests of one bucket share a script run. A partner per client: every request runs the script.
        var scenarios = new[]
        {
            await ScenarioAsync("GET /v1/partners/me, per-instance limiter, one partner", local, partners: 1),
            await ScenarioAsync("GET /v1/partners/me, Redis limiter, one partner", shared, partners: 1),
            await ScenarioAsync("GET /v1/partners/me, per-instance limiter, a partner per client", local, settings.Concurrency),
            await ScenarioAsync("GET /v1/partners/me, Redis limiter, a partner per client", shared, settings.Concurrency),
        };
        var results = await LoadRunner.RunInterleavedAsync(scenarios, settings.Concurrency, settings.WarmUp, settings.Duration);
        Compare("one partner", results[0], results[1]);
        Compare("a partner per client", results[2], results[3]);
        return results;
    }

    private static void Compare(string name, LoadResult without, LoadResult with) =>
        Console.WriteLine($"{name}: added latency p50 {with.P50Ms - without.P50Ms:+0.00;-0.00} ms, p99 {with.P99Ms - without.P99Ms:+0.00;-0.00} ms; "
            + $"throughput with Redis / without = {with.PerSecond / without.PerSecond:0.00} (goal ≥ 0.9)");

    private static async Task<Scenario> ScenarioAsync(string name, BenchmarkHost host, int partners)
    {
        var client = host.CreateClient();
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        var tokens = new List<string>();
        for (var i = 0; i < partners; i++)
        {
            var (clientId, secret) = await host.NewPartnerCredentialAsync(admin);
            tokens.Add(await host.TokenAsync(client, clientId, secret));
        }
        return new Scenario(name, async worker =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/partners/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[worker % tokens.Count]);
            using var response = await client.SendAsync(request);
            // The whole budget in the policy: the shared bucket answered (a fallback would show this instance's share).
            return response.IsSuccessStatusCode && response.Headers.TryGetValues("RateLimit-Policy", out var policy)
                && policy.Single().Contains(";q=1000000;", StringComparison.Ordinal);
        });
    }
}

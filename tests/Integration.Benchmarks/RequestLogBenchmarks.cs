using System.Net.Http.Headers;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 24: what capturing every partner call into the request log costs the API. The same requests against a host with
/// capture off (<c>RequestLog:Capture=false</c>) and one with it on, in alternating rounds (off first, then on first) so a
/// slow spell of the shared machine falls on both; wrk drives the load from outside the process when it is installed.
/// </summary>
public static class RequestLogBenchmarks
{
    private const int Rounds = 4;
    private const string OffLabel = "request log off";
    private const string OnLabel = "request log on";

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkSettings settings)
    {
        var hosts = new[]
        {
            (OffLabel, new Dictionary<string, string> { ["RequestLog:Capture"] = "false" }),
            (OnLabel, new Dictionary<string, string> { ["RequestLog:Capture"] = "true" }),
        };
        var totals = new List<LoadResult>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (label, configuration) in round % 2 == 0 ? hosts : hosts.Reverse())
            {
                totals.AddRange(await MeasureAsync(label, configuration, settings));
            }
        }
        var results = totals.GroupBy(r => r.Name).Select(LoadResult.Combine).ToList();
        foreach (var pair in results.GroupBy(r => r.Name[..r.Name.IndexOf(',')]))
        {
            var (off, on) = (pair.First(r => r.Name.Contains(OffLabel)), pair.First(r => r.Name.Contains(OnLabel)));
            Console.WriteLine($"{pair.Key}: request log on = {on.PerSecond / off.PerSecond:P1} of off (goal ≥ 95%)");
            if (!double.IsNaN(on.CpuMicrosecondsPerRequest))
            {
                Console.WriteLine($"{pair.Key}: CPU per request off {off.CpuMicrosecondsPerRequest:N0} µs, on {on.CpuMicrosecondsPerRequest:N0} µs"
                    + $" → throughput kept with capture on {off.CpuMicrosecondsPerRequest / on.CpuMicrosecondsPerRequest:P1} (goal ≥ 95%)");
            }
        }
        return results;
    }

    private static async Task<IReadOnlyList<LoadResult>> MeasureAsync(string label, Dictionary<string, string> configuration, BenchmarkSettings settings)
    {
        await using var host = new BenchmarkHost(settings.Provider, settings.PostgresConnection, configuration);
        await host.StartAsync();
        var client = host.CreateClient();
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        var (clientId, secret) = await host.NewPartnerCredentialAsync(admin);
        var token = await host.TokenAsync(client, clientId, secret);
        string[] paths = ["/v1/partners/me", "/v2/orders?limit=20"];
        if (WrkRunner.IsAvailable)
        {
            var results = new List<LoadResult>();
            foreach (var path in paths)
            {
                var script = $$"""
                    request = function()
                      return wrk.format("GET", "{{path}}", { ["Authorization"] = "Bearer {{token}}" })
                    end
                    """;
                var run = await WrkRunner.RunAsync($"GET {path}, {label}", new Uri(client.BaseAddress!, path), script, settings.Concurrency, settings.Duration / Rounds);
                results.Add(run with { Name = $"GET {path}, {label}" });
            }
            return results;
        }
        Scenario Get(string path) => new($"GET {path}, {label}", async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode;
        });
        return await LoadRunner.RunInterleavedAsync(paths.Select(Get).ToArray(), settings.Concurrency, settings.WarmUp, settings.Duration / Rounds, rounds: 1);
    }
}

using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 19: what OpenTelemetry costs. The same requests against a host with telemetry off
/// (<c>Telemetry:Enabled=false</c>) and one with everything on as in production: traces and metrics
/// exported over OTLP/HTTP to a local sink that accepts and drops them, plus the Prometheus scrape
/// port; and between them a host with metrics only (Prometheus, no OTLP: no spans). Listeners are process-wide, so the two hosts never run at once: fresh hosts alternate in
/// rounds (off first, then on first), so that a slow spell of the shared machine falls on both. The load generator's own
/// HttpClient is kept out of the traces (activity propagation switched off for this process), as a
/// partner's client would be; the scenarios make no outgoing calls of their own.
/// </summary>
public static class TelemetryBenchmarks
{
    private const int Rounds = 4;
    private const string OnLabel = "telemetry on (OTLP + Prometheus)";
    private const string SampledLabel = "telemetry on, 1 in 10 traces recorded";

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkSettings settings)
    {
        AppContext.SetSwitch("System.Net.Http.EnableActivityPropagation", false);
        await using var sink = await OtlpSink.StartAsync();
        var off = new Dictionary<string, string> { ["Telemetry:Enabled"] = "false" };
        var on = new Dictionary<string, string>
        {
            ["Telemetry:Enabled"] = "true",
            ["Telemetry:OtlpEndpoint"] = sink.Url,
            ["Telemetry:OtlpProtocol"] = "http/protobuf",
            ["Telemetry:Prometheus:Port"] = "56250",
            ["Telemetry:Prometheus:ScrapeToken"] = "benchmark-scrape-token-0123456789",
        };
        var totals = new List<LoadResult>();
        var metricsOnly = on.Where(setting => !setting.Key.StartsWith("Telemetry:Otlp", StringComparison.Ordinal)).ToDictionary();
        var sampled = new Dictionary<string, string>(on) { ["Telemetry:TraceSampleRatio"] = "0.1" };
        var hosts = new[] { ("telemetry off", off), ("metrics only (Prometheus)", metricsOnly), (OnLabel, on), (SampledLabel, sampled) };
        for (var round = 0; round < Rounds; round++)
        {
            // Off first, then on first: a machine that gets busier or quieter during the run favours none of them.
            foreach (var (label, configuration) in round % 2 == 0 ? hosts : hosts.Reverse())
            {
                totals.AddRange(await MeasureAsync(label, configuration, settings));
            }
        }
        var results = totals.GroupBy(r => r.Name).Select(LoadResult.Combine).ToList();
        foreach (var pair in results.GroupBy(r => r.Name[..r.Name.IndexOf(',')]))
        {
            var (withOff, withMetrics, withOn, withSampled) = (pair.First(r => r.Name.Contains("off")), pair.First(r => r.Name.Contains("metrics only")),
                pair.First(r => r.Name.Contains(OnLabel)), pair.First(r => r.Name.Contains(SampledLabel)));
            Console.WriteLine($"{pair.Key}: telemetry on = {withOn.PerSecond / withOff.PerSecond:P1} of off (goal ≥ 95%), metrics only = {withMetrics.PerSecond / withOff.PerSecond:P1}; OTLP sink received {sink.Exports} exports");
            if (!double.IsNaN(withOn.CpuMicrosecondsPerRequest))
            {
                // At saturation, throughput is CPU ÷ CPU per request: off ÷ on is the throughput kept with telemetry on.
                Console.WriteLine($"{pair.Key}: CPU per request off {withOff.CpuMicrosecondsPerRequest:N0} µs, metrics only {withMetrics.CpuMicrosecondsPerRequest:N0} µs, on {withOn.CpuMicrosecondsPerRequest:N0} µs" +
                    $", on with 1 in 10 traces {withSampled.CpuMicrosecondsPerRequest:N0} µs → throughput kept with telemetry on {withOff.CpuMicrosecondsPerRequest / withOn.CpuMicrosecondsPerRequest:P1}" +
                    $" (goal ≥ 95%), 1 in 10 traces {withOff.CpuMicrosecondsPerRequest / withSampled.CpuMicrosecondsPerRequest:P1}, metrics only {withOff.CpuMicrosecondsPerRequest / withMetrics.CpuMicrosecondsPerRequest:P1}");
            }
        }
        return results;
    }

    private static async Task<IReadOnlyList<LoadResult>> MeasureAsync(string label, Dictionary<string, string> telemetry, BenchmarkSettings settings)
    {
        await using var host = new BenchmarkHost(settings.Provider, settings.PostgresConnection, telemetry);
        await host.StartAsync();
        var client = host.CreateClient();
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        var (clientId, secret) = await host.NewPartnerCredentialAsync(admin);
        var token = await host.TokenAsync(client, clientId, secret);
        Scenario Get(string path) => new($"GET {path}, {label}", async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode;
        });
        string[] paths = ["/v1/partners/me", "/v2/orders?limit=20"];
        if (WrkRunner.IsAvailable)
        {
            // wrk runs outside this process, so this process's CPU time is the platform's (and the OTLP sink's) alone.
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
        return await LoadRunner.RunInterleavedAsync(paths.Select(Get).ToArray(), settings.Concurrency, settings.WarmUp, settings.Duration / Rounds, rounds: 1);
    }

    /// <summary>An OTLP/HTTP collector that accepts every export and keeps nothing.</summary>
    private sealed class OtlpSink : IAsyncDisposable
    {
        private WebApplication _app = null!;
        private int _exports;

        public string Url { get; private set; } = "";

        public int Exports => _exports;

        public static async Task<OtlpSink> StartAsync()
        {
            var sink = new OtlpSink();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            sink._app = builder.Build();
            sink._app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref sink._exports);
                context.Response.ContentType = "application/x-protobuf"; // an empty Export…ServiceResponse
            });
            await sink._app.StartAsync();
            sink.Url = sink._app.Urls.First();
            return sink;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

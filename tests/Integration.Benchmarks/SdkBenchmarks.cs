using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PartnerPlatform.Sdk;
using PartnerPlatform.Sdk.Orders;

namespace Integration.Benchmarks;

/// <summary>
/// Issue 7's target: the SDK's overhead per call against a raw HttpClient request to the same
/// endpoint, under 10% at the median. One caller at a time (latency, not throughput), interleaved.
/// </summary>
public static class SdkBenchmarks
{
    private const int Rounds = 10;
    private const int CallsPerRound = 500;

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchmarkHost host)
    {
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(admin, host.AdminClientId, host.AdminSecret));
        var sku = "SDK-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        (await admin.PostAsJsonAsync("/admin/v1/products", new { sku, name = "Benchmark scarf", listPrice = 35.00m })).EnsureSuccessStatusCode();
        var (clientId, secret) = await host.NewPartnerCredentialAsync(admin);

        using var sdk = new PartnerClient(new PartnerClientOptions
        {
            BaseAddress = host.CreateClient().BaseAddress!, ClientId = clientId, ClientSecret = secret, Environment = ApiEnvironment.Live,
        });
        var orderId = (await sdk.Orders.CreateAsync(new CreateOrderRequest { Reference = "SDK-BENCH", Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] })).Id;

        using var raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = host.CreateClient().BaseAddress };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync(raw, clientId, secret));
        var path = $"/v2/orders/{orderId}";
        async Task RawCall()
        {
            using var response = await raw.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            using var json = await JsonDocument.ParseAsync(body);
        }
        Task SdkCall() => sdk.Orders.GetAsync(orderId);

        for (var i = 0; i < 200; i++)
        {
            await RawCall();
            await SdkCall();
        }
        var rawTimes = new List<double>();
        var sdkTimes = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            rawTimes.AddRange(await TimeAsync(RawCall));
            sdkTimes.AddRange(await TimeAsync(SdkCall));
        }
        var rawMedian = Median(rawTimes);
        var sdkMedian = Median(sdkTimes);
        Console.WriteLine($"# SDK overhead at the median: {(sdkMedian / rawMedian - 1) * 100:+0.0;-0.0}% ({sdkMedian:0.000} ms vs {rawMedian:0.000} ms raw)");
        return [Result("GET /v2/orders/{id}, raw HttpClient + JsonDocument", rawTimes), Result("GET /v2/orders/{id}, SDK client.Orders.GetAsync", sdkTimes)];
    }

    private static async Task<List<double>> TimeAsync(Func<Task> call)
    {
        var times = new List<double>(CallsPerRound);
        for (var i = 0; i < CallsPerRound; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return times;
    }

    private static double Median(List<double> times) => Percentile(times.Order().ToArray(), 0.5);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static LoadResult Result(string name, List<double> times)
    {
        var sorted = times.Order().ToArray();
        return new LoadResult(name, sorted.Length, 0, TimeSpan.FromMilliseconds(sorted.Sum()), Percentile(sorted, 0.5), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
    }
}

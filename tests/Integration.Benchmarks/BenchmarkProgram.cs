using System.Globalization;


namespace Integration.Benchmarks;

// dotnet run -c Release --project tests/Integration.Benchmarks -- [foundation] [--provider Sqlite|PostgreSQL]
//   [--postgres "Host=127.0.0.1;Port=55432;Username=postgres;Database=bench"] [--seconds 10] [--concurrency 32] [--only <scenario name part>] [--orders 1000000] [--deliveries 20000] [--stock 1000000] [--import 1000000] [--partners 1000] [--redis 127.0.0.1:6379]
//   [--then-concurrency 2]: insights only, the same scenarios again with that many clients on the same seeded data
//   web [--orders 1000000 --partners 1000 --concurrency 4]: portal pages' server time with that many orders
//   request-log: capture into the partners' request log on vs off (its own hosts, alternating rounds)
//   telemetry: OpenTelemetry on vs off (its own hosts; uses port 56250 for the scrape endpoint)
//   sandbox-clock [--open-orders 1000,10000,100000] [--batch-size N]: a 30-day clock advance over N open orders (a fresh process and host per size)
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var settings = BenchmarkSettings.Parse(args);
        Console.WriteLine($"# {settings.Suite} on {settings.Provider}: {Environment.ProcessorCount} cores, {settings.Concurrency} concurrent clients, {settings.Duration.TotalSeconds:0} s per scenario after {settings.WarmUp.TotalSeconds:0} s warm-up");
        if (settings.Suite == "telemetry")
        {
            // Starts and stops its own hosts: an idle host with telemetry on would trace the other one's requests.
            Print(await TelemetryBenchmarks.RunAsync(settings));
            return 0;
        }
        if (settings.Suite == "request-log")
        {
            Print(await RequestLogBenchmarks.RunAsync(settings));
            return 0;
        }
        if (settings.Suite == "sandbox-clock")
        {
            // A fresh process, host and database per size, so each size's memory is its own.
            await SandboxClockBenchmarks.RunAsync(settings, args);
            return 0;
        }
        await using var host = new BenchmarkHost(settings.Provider, settings.PostgresConnection);
        await host.StartAsync();

        var results = settings.Suite switch
        {
            "foundation" => await FoundationBenchmarks.RunAsync(host, settings),
            "orders" => await OrdersBenchmarks.RunAsync(host, settings),
            "webhooks" => await WebhooksBenchmarks.RunAsync(host, settings),
            "sdk" => await SdkBenchmarks.RunAsync(host),
            "inventory" => await InventoryBenchmarks.RunAsync(host, settings),
            "customers" => await CustomerBenchmarks.RunAsync(host),
            "settlement" => await SettlementBenchmarks.RunAsync(host, settings),
            "insights" => await InsightsBenchmarks.RunAsync(host, settings),
            "web" => await WebBenchmarks.RunAsync(host, settings),
            "sandbox" => await SandboxBenchmarks.RunAsync(host),
            "ratelimits" => await RateLimitBenchmarks.RunAsync(host, settings),
            "revocation" => await RevocationBenchmarks.RunAsync(settings, revocations: 200),
            _ => throw new ArgumentException($"Unknown suite '{settings.Suite}'. Suites: foundation, orders, webhooks, sdk, inventory, customers, settlement, insights, sandbox, sandbox-clock, ratelimits, revocation, telemetry, request-log, web."),
        };
        Print(results);
        return 0;
    }

    private static void Print(IReadOnlyList<LoadResult> results)
    {
        Console.WriteLine(LoadResult.MarkdownHeader);
        foreach (var result in results)
        {
            Console.WriteLine(result.ToMarkdownRow());
        }
    }
}

public sealed record BenchmarkSettings(
    string Suite, string Provider, string? PostgresConnection, TimeSpan Duration, TimeSpan WarmUp, int Concurrency, string? Only, int Orders, int Deliveries, int StockRows, int ImportRows, int Partners, string? Redis,
    IReadOnlyList<int> OpenOrders, int? BatchSize, int? ThenConcurrency = null)
{
    public static BenchmarkSettings Parse(string[] args)
    {
        string Option(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && Array.IndexOf(args, a) is var i && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))) ?? "foundation";
        return new BenchmarkSettings(
            suite,
            Option("--provider", "Sqlite"),
            Option("--postgres", null!),
            TimeSpan.FromSeconds(int.Parse(Option("--seconds", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(2),
            int.Parse(Option("--concurrency", "32"), CultureInfo.InvariantCulture),
            Option("--only", null!),
            int.Parse(Option("--orders", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--deliveries", "20000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--stock", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--import", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--partners", "1000"), CultureInfo.InvariantCulture),
            Option("--redis", null!),
            [.. Option("--open-orders", "1000,10000,100000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))],
            Option("--batch-size", null!) is { } batchSize ? int.Parse(batchSize, CultureInfo.InvariantCulture) : null,
            Option("--then-concurrency", null!) is { } then ? int.Parse(then, CultureInfo.InvariantCulture) : null);
    }
}

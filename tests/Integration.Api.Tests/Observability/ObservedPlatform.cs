using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Integration.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;

namespace Integration.Api.Tests.Observability;

/// <summary>
/// The platform on real Kestrel with the Prometheus scrape endpoint on a port of its own, the request
/// log collected, a tight limit for basic-tier partners and readiness thresholds low enough to cross.
/// </summary>
public sealed class ObservedPlatform : PlatformFactory
{
    public const string ScrapeToken = "scrape-token-for-tests-0123456789";

    public ObservedPlatform()
    {
        ScrapePort = FreePort();
        Settings["Telemetry:Prometheus:Port"] = ScrapePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Telemetry:Prometheus:ScrapeToken"] = ScrapeToken;
        Settings["Telemetry:Readiness:WebhookBacklog"] = "1";
        Settings["Logging:LogLevel:Integration.Api.Hosting.RequestIdMiddleware"] = "Information";
        Settings["Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointMiddleware"] = "Information"; // a line written inside the request
        Settings["RateLimits:Basic:PermitsPerSecond"] = "1";
        Settings["RateLimits:Basic:Burst"] = "2";
        UseKestrel(0);
    }

    public int ScrapePort { get; }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddLogging(logging => logging.AddProvider(Logs));
            // Each scrape reads the meters afresh rather than the exporter's 300 ms cache.
            services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
        });
    }

    /// <summary>A client of the scrape port (127.0.0.1), with the given bearer token if any.</summary>
    public HttpClient ScrapeClient(string? token = ScrapeToken)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ScrapePort}/") };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>
    /// A client of the API port that sends the <c>traceparent</c> a test sets as it is: the host's tracing
    /// also instruments this test process's HttpClient, which would otherwise start its own trace.
    /// </summary>
    public HttpClient UntracedClient(string? accessToken = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = CreateClient().BaseAddress };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client;
    }

    /// <summary>Every sample of the metric family, summed over its series (a Prometheus text scrape).</summary>
    public async Task<double> ScrapeAsync(string metric)
    {
        var response = await ScrapeClient().GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"scrape answered {(int)response.StatusCode}: {text}");
        return PrometheusText.Sum(text, metric);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

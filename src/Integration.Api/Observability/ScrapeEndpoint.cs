using System.Security.Cryptography;
using System.Text;
using Integration.Api.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Integration.Application.Observability;

namespace Integration.Api.Observability;

/// <summary>
/// The Prometheus scrape endpoint: a small server of its own on <c>Telemetry:Prometheus:Port</c> that
/// answers <c>GET /metrics</c> with the scrape token and nothing else (401 without the token, 404 for any
/// other path). The API's port never serves metrics, whatever Host header a request names.
/// </summary>
public sealed class ScrapeEndpoint(IServiceProvider services, IOptions<TelemetryOptions> options, ILogger<ScrapeEndpoint> logger) : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Prometheus;
        var tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(settings.ScrapeToken!));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, Args = [] });
        builder.Configuration.Sources.Clear(); // not the API's Kestrel endpoints, URLs or certificates: this port only
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(settings.Port!.Value));
        builder.Services.AddSingleton(services.GetRequiredService<IOptions<ApiOptions>>()); // problem type URIs as the API's
        var server = builder.Build();
        server.UseMiddleware<RequestIdMiddleware>(); // X-Request-Id and requestId as on the API; its log line goes nowhere (no providers)
        server.Use(async (context, next) =>
        {
            if (context.Request.Path != Path)
            {
                await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "resource_not_found", $"This port serves only {Path}.");
                return;
            }
            if (!HasToken(context.Request.Headers.Authorization.ToString(), tokenHash))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "Send the scrape token as a bearer token.");
                return;
            }
            await next(context);
        });
        server.UseOpenTelemetryPrometheusScrapingEndpoint(services.GetRequiredService<MeterProvider>(), predicate: null, path: Path,
            configureBranchedPipeline: null, optionsName: null);
        await server.StartAsync(cancellationToken);
        _server = server;
        logger.LogInformation("Prometheus scrape endpoint on port {Port}{Path}", settings.Port, Path);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static bool HasToken(string authorization, byte[] tokenHash)
    {
        const string scheme = "Bearer ";
        var presented = authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? authorization[scheme.Length..].Trim() : "";
        // Hashes have one length, so the comparison's time says nothing about the token's length or content.
        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), tokenHash);
    }
}

using System.Diagnostics;
using Integration.Application.Cluster;
using Integration.Data;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Integration.Application.Observability;

namespace Integration.Api.Observability;

public static class TelemetrySetup
{
    /// <summary>
    /// Traces (incoming HTTP, outgoing HTTP, EF Core, Npgsql, Redis), metrics (HTTP, runtime, Npgsql and
    /// <see cref="PlatformMetrics"/>) and logs through OpenTelemetry. Traces and logs go to an OTLP collector
    /// when an endpoint is configured; metrics go there and to the Prometheus scrape endpoint when its port
    /// is. With neither, no instrumentation runs.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        builder.Services.AddOptions<TelemetryOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => o.Prometheus.Port is null || o.Prometheus.ScrapeToken is { Length: >= 16 },
                "Telemetry:Prometheus:Port needs Telemetry:Prometheus:ScrapeToken (at least 16 characters).")
            .ValidateOnStart();
        builder.Services.AddSingleton<PlatformMetrics>();
        AddJsonConsoleDefaults(builder);

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Enabled)
        {
            return builder;
        }
        var otlp = options.ExportsOtlp(builder.Configuration);
        var prometheus = options.Prometheus.Port is not null;
        if (!otlp && !prometheus)
        {
            return builder; // nothing would leave the process: record nothing (trace ids still come from ASP.NET Core)
        }
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "partner-platform",
                    serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString(), serviceInstanceId: Environment.MachineName)
                .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)]))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(PlatformMetrics.MeterName, "Npgsql");
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            // Spans only go to a collector, so they are recorded only when there is one.
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                        o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", Customers.CustomerPaths.Redact(request.Path));
                    })
                    .AddHttpClientInstrumentation()
                    .AddRedisInstrumentation()
                    .ConfigureRedisInstrumentation((services, redis) => _ = TraceRedisOnceConnectedAsync(services, redis));
                // One span per database command: Npgsql's own on PostgreSQL (EF Core's would repeat each one), EF Core's on SQLite.
                _ = StorageRegistration.ProviderOf(builder.Configuration) == StorageProvider.PostgreSQL
                    ? tracing.AddNpgsql()
                    : tracing.AddEntityFrameworkCoreInstrumentation();
                if (options.TraceSampleRatio is { } ratio and >= 0 and <= 1) // out of range, start-up validation says so
                {
                    // A caller's sampled traceparent is followed; traces the platform starts keep this share.
                    tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)));
                }
            });
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeScopes = true;
                logging.IncludeFormattedMessage = true;
            });
            if (options.OtlpEndpoint is { } endpoint)
            {
                telemetry.UseOtlpExporter(options.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, endpoint);
            }
            else
            {
                telemetry.UseOtlpExporter(); // the standard OTEL_EXPORTER_OTLP_* variables
            }
        }
        if (prometheus)
        {
            builder.Services.AddHostedService<ScrapeEndpoint>();
        }
        return builder;
    }

    private static async Task TraceRedisOnceConnectedAsync(IServiceProvider services, OpenTelemetry.Instrumentation.StackExchangeRedis.StackExchangeRedisInstrumentation redis)
    {
        if (await services.GetRequiredService<RedisConnection>().ConnectedAsync is { } multiplexer)
        {
            redis.AddConnection(multiplexer);
        }
    }

    /// <summary>
    /// <c>Logging:Console:FormatterName=json</c> turns on JSON lines; they carry the scopes (trace id,
    /// request id, partner and client id) and UTC ISO 8601 timestamps unless configured otherwise.
    /// </summary>
    private static void AddJsonConsoleDefaults(WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(builder.Configuration.GetSection("Logging:Console:FormatterOptions"));
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // Off, so the host opens no request scope: its RequestPath would carry a customer's path, whose id may be a phone number,
        // into every line of the request. RequestIdMiddleware's scope names the request, and its line the path, redacted.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // With that logger off the host starts a request's Activity only for a listener: this one keeps the caller's
        // traceparent (the problem's traceId, the log lines' TraceId) when no tracing exporter listens. It asks for the
        // least (propagation only); an OpenTelemetry sampler's decision, when there is one, still records what it samples.
        lock (RequestActivityListener)
        {
            if (!_requestActivitiesListened)
            {
                ActivitySource.AddActivityListener(RequestActivityListener);
                _requestActivitiesListened = true;
            }
        }
    }

    private static bool _requestActivitiesListened;

    private static readonly ActivityListener RequestActivityListener = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
    };
}

using System.ComponentModel.DataAnnotations;

namespace Integration.Application.Observability;

/// <summary>Traces, metrics and logs (docs/operations.md, "Telemetry").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Off: no OpenTelemetry instrumentation even with exporters configured (the meters still exist; nothing listens).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The collector to export traces, metrics and logs to. <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and the other
    /// standard <c>OTEL_*</c> variables) work too; with neither, nothing is exported.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (the .NET default, port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    [RegularExpression("^(grpc|http/protobuf)$")]
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>
    /// The share of traces the platform starts that it records (0 to 1), e.g. <c>0.1</c>; a caller's sampled
    /// <c>traceparent</c> is always followed. Unset: every trace, or the standard <c>OTEL_TRACES_SAMPLER</c> variables.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? TraceSampleRatio { get; set; }

    public PrometheusOptions Prometheus { get; set; } = new();

    public ReadinessThresholds Readiness { get; set; } = new();

    public bool ExportsOtlp(IConfiguration configuration) =>
        OtlpEndpoint is not null || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}

/// <summary>The scrape endpoint: <c>GET /metrics</c> on its own port only, with a bearer token.</summary>
public sealed class PrometheusOptions
{
    /// <summary>Off unless set. The API's own port never answers <c>/metrics</c>.</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>The bearer token Prometheus sends (<c>authorization.credentials</c>); at least 16 characters.</summary>
    [MinLength(16)]
    public string? ScrapeToken { get; set; }
}

/// <summary>Background work over these makes <c>/health/ready</c> report <c>degraded</c> (still 200: no instance leaves the load balancer for it).</summary>
public sealed class ReadinessThresholds
{
    /// <summary>The oldest event waiting for a subscription whose receiver is not failing.</summary>
    public TimeSpan WebhookLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Events waiting for delivery over every enabled subscription.</summary>
    [Range(1, int.MaxValue)]
    public int WebhookBacklog { get; set; } = 10_000;

    /// <summary>Payouts whose every attempt failed; more than this is degraded (0: any).</summary>
    [Range(0, int.MaxValue)]
    public int PayoutsNeedingAttention { get; set; }
}

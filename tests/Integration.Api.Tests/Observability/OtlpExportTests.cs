using Integration.Api.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit;

namespace Integration.Api.Tests.Observability;

/// <summary>With an OTLP endpoint configured, traces, metrics and logs reach the collector (WireMock.Net plays it, over OTLP/HTTP).</summary>
public sealed class OtlpExportTests : IDisposable
{
    private readonly WireMockServer _collector = WireMockServer.Start();

    public OtlpExportTests() =>
        _collector.Given(Request.Create().WithPath("/v1/*").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));

    private sealed class CollectedPlatform : PlatformFactory
    {
        public CollectedPlatform(string collector, string? traceSampleRatio = null)
        {
            Settings["Telemetry:OtlpEndpoint"] = collector;
            Settings["Telemetry:OtlpProtocol"] = "http/protobuf";
            Settings["Logging:LogLevel:Integration.Api.Hosting.RequestIdMiddleware"] = "Information";
            if (traceSampleRatio is not null)
            {
                Settings["Telemetry:TraceSampleRatio"] = traceSampleRatio;
            }
        }
    }

    [Fact]
    public async Task Requests_AreExportedAsTracesMetricsAndLogs_ByTheTimeTheHostStops()
    {
        var platform = new CollectedPlatform(_collector.Urls[0]);
        await platform.InitializeAsync();
        var session = await platform.NewPartnerSessionAsync();
        (await session.Client.GetAsync("/v1/partners/me")).EnsureSuccessStatusCode();

        await ((IAsyncLifetime)platform).DisposeAsync(); // stopping flushes every exporter

        var received = _collector.LogEntries.Select(e => e.RequestMessage.Path).ToHashSet();
        Assert.Contains("/v1/traces", received);
        Assert.Contains("/v1/metrics", received);
        Assert.Contains("/v1/logs", received);
        Assert.All(_collector.LogEntries, e => Assert.Equal("application/x-protobuf", e.RequestMessage.Headers!["Content-Type"].Single()));
    }

    [Fact]
    public async Task Each_database_command_is_traced_once_by_the_instrumentation_of_the_database_in_use()
    {
        var platform = new CollectedPlatform(_collector.Urls[0]);
        await platform.InitializeAsync();
        var session = await platform.NewPartnerSessionAsync();
        (await session.Client.GetAsync("/v2/orders?limit=5")).EnsureSuccessStatusCode();

        await ((IAsyncLifetime)platform).DisposeAsync();

        var traces = TracesReceived();
        var (inUse, repeating) = TestDatabase.UsesPostgres
            ? ("Npgsql", "OpenTelemetry.Instrumentation.EntityFrameworkCore")
            : ("OpenTelemetry.Instrumentation.EntityFrameworkCore", "Npgsql");
        Assert.Contains(inUse, traces);
        Assert.DoesNotContain(repeating, traces);
    }

    [Fact]
    public async Task With_a_sample_ratio_of_zero_only_traces_a_caller_sampled_are_recorded()
    {
        var platform = new CollectedPlatform(_collector.Urls[0], traceSampleRatio: "0");
        await platform.InitializeAsync();
        var session = await platform.NewPartnerSessionAsync();
        (await session.Client.GetAsync("/v2/orders?limit=2")).EnsureSuccessStatusCode();
        using var sampled = new HttpRequestMessage(HttpMethod.Get, "/v2/partners/me");
        sampled.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        (await session.Client.SendAsync(sampled)).EnsureSuccessStatusCode();

        await ((IAsyncLifetime)platform).DisposeAsync();

        var traces = TracesReceived();
        Assert.Contains("/v2/partners/me", traces);
        Assert.DoesNotContain("/v2/orders", traces);
    }

    /// <summary>Every trace export, as text: protobuf keeps strings (span names, paths, instrumentation scopes) as UTF-8.</summary>
    private string TracesReceived() =>
        string.Join('\n', _collector.LogEntries.Where(e => e.RequestMessage.Path == "/v1/traces")
            .Select(e => System.Text.Encoding.UTF8.GetString(e.RequestMessage.BodyAsBytes ?? [])));

    public void Dispose() => _collector.Stop();
}

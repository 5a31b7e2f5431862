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
        public CollectedPlatform(string collector)
        {
            Settings["Telemetry:OtlpEndpoint"] = collector;
            Settings["Telemetry:OtlpProtocol"] = "http/protobuf";
            Settings["Logging:LogLevel:Integration.Api.Hosting.RequestIdMiddleware"] = "Information";
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

    public void Dispose() => _collector.Stop();
}

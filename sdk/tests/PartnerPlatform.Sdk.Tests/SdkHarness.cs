using System.Collections.Concurrent;
using Integration.Api.Tests.Infrastructure;

namespace PartnerPlatform.Sdk.Tests;

/// <summary>The SDK against the real platform in-process (through Prism when <see cref="ContractProxy"/> is on), with a transport that counts (and can disturb) requests.</summary>
public static class SdkHarness
{
    /// <param name="platform">The platform.</param>
    /// <param name="credential">Whose client.</param>
    /// <param name="configure">Settings on top of the test's.</param>
    /// <param name="breaksTheContract">
    /// For a request a test sends against the contract on purpose (to see the platform refuse it): straight to the
    /// platform, since the validating proxy would rightly count it as a violation.
    /// </param>
    public static async Task<(PartnerClient Client, RecordingTransport Transport)> ClientForAsync(
        PlatformFactory platform, IssuedCredential credential, Action<PartnerClientOptions>? configure = null, bool breaksTheContract = false)
    {
        var (baseAddress, transport) = breaksTheContract
            ? (platform.Server.BaseAddress, new RecordingTransport(platform.Server.CreateHandler()))
            : await TransportAsync(platform);
        var options = new PartnerClientOptions
        {
            BaseAddress = baseAddress,
            ClientId = credential.ClientId,
            ClientSecret = credential.Secret,
            Environment = credential.ClientId.StartsWith("sbx_", StringComparison.Ordinal) ? ApiEnvironment.Sandbox : ApiEnvironment.Live,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            TimeProvider = platform.Clock,
        };
        configure?.Invoke(options);
        return (new PartnerClient(options, transport), transport);
    }

    public static async Task<(PartnerClient Client, RecordingTransport Transport, PartnerSession Session)> NewPartnerAsync(
        this PlatformFactory platform, Action<PartnerClientOptions>? configure = null)
    {
        var session = await platform.NewPartnerSessionAsync();
        var (client, transport) = await ClientForAsync(platform, session.Credential, configure);
        return (client, transport, session);
    }

    /// <summary>A new partner whose SDK client can order a product in stock: returns the client, its transport and that order's request.</summary>
    public static async Task<(PartnerClient Client, RecordingTransport Transport, CreateOrderRequest Order)> PartnerWithAnOrderToPlaceAsync(this PlatformFactory platform, string reference)
    {
        var sku = await platform.CreateProductAsync(10m);
        await platform.SetBrandStockAsync(sku, 10);
        var (client, transport, _) = await platform.NewPartnerAsync();
        return (client, transport, new CreateOrderRequest { Reference = reference, Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] });
    }

    /// <summary>The platform's address for an SDK under test, and a transport to it that records requests (through Prism in CI).</summary>
    public static async Task<(Uri BaseAddress, RecordingTransport Transport)> TransportAsync(PlatformFactory platform)
    {
        var (baseAddress, handler) = await ContractProxy.EndpointAsync(platform);
        return (baseAddress, new RecordingTransport(handler));
    }
}

/// <summary>Records every request that reaches the platform; <see cref="Disturb"/> lets a test break one.</summary>
public sealed class RecordingTransport(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ConcurrentQueue<(HttpMethod Method, string Path, int Status, string? IdempotencyKey)> Requests { get; } = new();

    /// <summary>Runs around a request: return null to send it normally, or a response/exception of your own.</summary>
    public Func<HttpRequestMessage, Func<Task<HttpResponseMessage>>, Task<HttpResponseMessage>>? Disturb { get; set; }

    public int TokenRequests => Requests.Count(r => r.Path == "/connect/token");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null;
        Task<HttpResponseMessage> Send() => base.SendAsync(request, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = Disturb is { } disturb ? await disturb(request, Send).WaitAsync(cancellationToken) : await Send(); // a disturbed request still stops when the caller gives up, as a real one does
        }
        catch
        {
            Requests.Enqueue((request.Method, request.RequestUri!.AbsolutePath, 0, key));
            throw;
        }
        Requests.Enqueue((request.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, key));
        return response;
    }
}

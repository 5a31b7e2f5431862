using Microsoft.Extensions.Http.Resilience;
using PartnerPlatform.Sdk.Http;
using PartnerPlatform.Sdk.Inventory;
using PartnerPlatform.Sdk.Orders;
using PartnerPlatform.Sdk.RequestLog;
using PartnerPlatform.Sdk.Sandbox;
using PartnerPlatform.Sdk.Settlement;
using PartnerPlatform.Sdk.Transfers;
using PartnerPlatform.Sdk.Webhooks;

namespace PartnerPlatform.Sdk;

/// <summary>
/// The Partner Integration Platform, API v2. Create one and keep it (it is thread-safe):
/// <code>
/// var client = new PartnerClient(new PartnerClientOptions { ClientId = "sbx_…", ClientSecret = "…" });
/// var order = await client.Orders.CreateAsync(new CreateOrderRequest { Reference = "PO-1", Lines = [new() { Sku = "BAG-001", Quantity = 2 }] });
/// </code>
/// Tokens, retries (with the same Idempotency-Key), <c>Retry-After</c> and paging are handled; every
/// refusal is a <see cref="PartnerApiException"/>.
/// </summary>
public sealed class PartnerClient : IPartnerClient, IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client with its own connection pool.</summary>
    /// <param name="options">Credentials and settings.</param>
    public PartnerClient(PartnerClientOptions options)
        : this(options, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    /// <summary>A client sending through <paramref name="transport"/> (a proxy, a test server…); the client disposes it.</summary>
    /// <param name="options">Credentials and settings.</param>
    /// <param name="transport">The innermost handler.</param>
    public PartnerClient(PartnerClientOptions options, HttpMessageHandler transport)
        : this(new HttpClient(Pipeline(options, new TokenProvider(options), transport), disposeHandler: true), options)
    {
    }

    // The services' generated clients read answers as strings first, so one that does not parse is
    // kept (RawBody) in the exception instead of being lost with the stream.

    /// <summary>For <c>AddPartnerClient</c>: the pipeline is built by the HttpClient factory.</summary>
    internal PartnerClient(HttpClient http, PartnerClientOptions options)
    {
        options.Validate();
        http.BaseAddress = options.BaseAddress;
        http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // the ProblemHandler bounds each call, retries included
        _http = http;
        Orders = new OrderService(http);
        Products = new ProductService(http);
        Events = new EventService(http);
        Webhooks = new WebhookService(http);
        Partner = new PartnerService(http);
        Inventory = new InventoryService(http);
        Transfers = new TransferService(http);
        Settlements = new SettlementService(http);
        Disputes = new DisputeService(http);
        Sandbox = new SandboxService(http);
        RequestLog = new RequestLogService(http);
    }

    /// <inheritdoc />
    public IOrderService Orders { get; }

    /// <inheritdoc />
    public IProductService Products { get; }

    /// <inheritdoc />
    public IEventService Events { get; }

    /// <inheritdoc />
    public IWebhookService Webhooks { get; }

    /// <inheritdoc />
    public IPartnerService Partner { get; }

    /// <inheritdoc />
    public IInventoryService Inventory { get; }

    /// <inheritdoc />
    public ITransferService Transfers { get; }

    /// <inheritdoc />
    public ISettlementService Settlements { get; }

    /// <inheritdoc />
    public IDisputeService Disputes { get; }

    /// <inheritdoc />
    public ISandboxService Sandbox { get; }

    /// <inheritdoc />
    public IRequestLogService RequestLog { get; }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>Outermost first: errors and the overall timeout, retries, the client-side limiter (if any), the bearer token, then the User-Agent (token requests too).</summary>
    internal static IEnumerable<DelegatingHandler> Handlers(PartnerClientOptions options, TokenProvider tokens) =>
    [
        new ProblemHandler(options),
        new ResilienceHandler(RetryPolicy.For(options)),
        .. options.RateLimiter is { } limiter ? [new ClientRateLimitHandler(limiter)] : Array.Empty<DelegatingHandler>(),
        new BearerTokenHandler(tokens),
        new UserAgentHandler(),
    ];

    private static HttpMessageHandler Pipeline(PartnerClientOptions options, TokenProvider tokens, HttpMessageHandler transport)
    {
        options.Validate();
        var inner = transport;
        foreach (var handler in Handlers(options, tokens).Reverse())
        {
            handler.InnerHandler = inner;
            inner = handler;
        }
        return inner;
    }
}

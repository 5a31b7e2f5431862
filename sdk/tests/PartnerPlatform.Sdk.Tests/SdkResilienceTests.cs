using System.Net;
using System.Net.Sockets;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PartnerPlatform.Sdk.Tests;

public sealed class SdkResilienceTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task AHundredCalls_UseOneToken_AndAnExpiredOneIsRenewed()
    {
        var (client, transport, _) = await platform.NewPartnerAsync();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.Partner.GetAsync()));
        Assert.Equal(1, transport.TokenRequests);

        platform.Clock.Advance(TimeSpan.FromMinutes(15)); // the platform's tokens live 15 minutes
        await client.Partner.GetAsync();
        Assert.Equal(2, transport.TokenRequests);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_busy_token_endpoint_is_retried_after_its_Retry_After(HttpStatusCode busy)
    {
        var (client, transport, session) = await platform.NewPartnerAsync();
        var refused = 0;
        transport.Disturb = (request, send) =>
        {
            if (request.RequestUri!.AbsolutePath == "/connect/token" && Interlocked.Increment(ref refused) == 1)
            {
                var answer = new HttpResponseMessage(busy)
                {
                    Content = new StringContent("""{"status":503,"code":"service_unavailable","title":"Busy"}""", System.Text.Encoding.UTF8, "application/problem+json"),
                };
                answer.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                return Task.FromResult(answer);
            }
            return send();
        };

        Assert.Equal(session.PartnerId, (await client.Partner.GetAsync()).Id);
        Assert.Equal([(int)busy, 200], transport.Requests.Where(r => r.Path == "/connect/token").Select(r => r.Status));
    }

    [Fact]
    public async Task Every_request_names_the_sdk_version_runtime_and_os_in_its_user_agent()
    {
        var (client, transport, _) = await platform.NewPartnerAsync();
        var agents = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        transport.Disturb = (request, send) =>
        {
            agents[request.RequestUri!.AbsolutePath] = request.Headers.UserAgent.ToString();
            return send();
        };

        await client.Partner.GetAsync();

        var version = typeof(PartnerClient).Assembly.GetName().Version!.ToString(3);
        Assert.Equal(["/connect/token", "/v2/partners/me"], agents.Keys.Order());
        Assert.All(agents.Values, agent => Assert.Matches($@"^PartnerPlatform\.Sdk/{System.Text.RegularExpressions.Regex.Escape(version)} \(\.NET \d+\.\d+[^;]*; [^)]+\)$", agent));
    }

    [Fact]
    public async Task A_refused_credential_is_not_retried()
    {
        var (client, transport, _) = await platform.NewPartnerAsync(options => options.ClientSecret = "sk_not_the_secret");

        await Assert.ThrowsAsync<PartnerAuthenticationException>(() => client.Partner.GetAsync());

        Assert.Equal(1, transport.TokenRequests);
    }

    [Fact]
    public async Task ARejectedToken_IsRenewedOnce_AndTheCallSucceeds()
    {
        var (client, transport, session) = await platform.NewPartnerAsync();
        await client.Partner.GetAsync();
        var spoiled = 0;
        transport.Disturb = (request, send) =>
        {
            if (request.RequestUri!.AbsolutePath == "/v2/partners/me" && Interlocked.Increment(ref spoiled) == 1)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "revoked-or-expired");
            }
            return send();
        };

        Assert.Equal(session.PartnerId, (await client.Partner.GetAsync()).Id);
        Assert.Equal(2, transport.TokenRequests);
        Assert.Equal([401, 200], transport.Requests.Where(r => r.Path == "/v2/partners/me").Skip(1).Select(r => r.Status));
    }

    [Fact]
    public async Task ARetryAfterALostAnswer_ReusesTheIdempotencyKey_AndMakesOneOrder()
    {
        var sku = await platform.CreateProductAsync(20m);
        var (client, transport, session) = await platform.NewPartnerAsync();
        var lost = 0;
        transport.Disturb = async (request, send) =>
        {
            var response = await send(); // the platform places the order…
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/v2/orders" && Interlocked.Increment(ref lost) == 1)
            {
                throw new HttpRequestException("connection reset before the answer arrived"); // …but the answer is lost
            }
            return response;
        };

        var order = await client.Orders.CreateAsync(new CreateOrderRequest { Reference = "LOST-ANSWER", Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] });

        var attempts = transport.Requests.Where(r => r.Path == "/v2/orders").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.NotNull(attempts[0].IdempotencyKey);
        Assert.Equal(attempts[0].IdempotencyKey, attempts[1].IdempotencyKey);
        var orders = await platform.WithDbAsync(db => db.Visible<Integration.Core.Orders.Order>().Where(o => o.PartnerId == session.PartnerId).Select(o => o.Id).ToListAsync());
        Assert.Equal(order.Id, Assert.Single(orders));
    }

    [Fact]
    public async Task AKeyStillInUse_IsRetried_UntilTheFirstAnswerCanBeReplayed()
    {
        var sku = await platform.CreateProductAsync(20m);
        var (client, transport, _) = await platform.NewPartnerAsync();
        var busy = 0;
        transport.Disturb = (request, send) =>
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/v2/orders" && Interlocked.Increment(ref busy) == 1)
            {
                var inUse = new HttpResponseMessage(HttpStatusCode.Conflict)
                {
                    Content = new StringContent("""{"status":409,"code":"idempotency_key_in_use","title":"Conflict"}""", System.Text.Encoding.UTF8, "application/problem+json"),
                };
                inUse.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(100));
                return Task.FromResult(inUse);
            }
            return send();
        };

        var order = await client.Orders.CreateAsync(new CreateOrderRequest { Reference = "BUSY-KEY", Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] });

        Assert.Equal("BUSY-KEY", order.Reference);
        Assert.Equal([409, 201], transport.Requests.Where(r => r.Path == "/v2/orders").Select(r => r.Status));
    }

    [Fact]
    public async Task ServerErrors_AreRetried_UpToTheLimit()
    {
        var (client, transport, _) = await platform.NewPartnerAsync(o => o.MaxRetries = 2);
        transport.Disturb = (request, send) => request.RequestUri!.AbsolutePath == "/v2/partners/me"
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))
            : send();

        var error = await Assert.ThrowsAsync<PartnerApiException>(() => client.Partner.GetAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, transport.Requests.Count(r => r.Path == "/v2/partners/me"));
    }

    [Fact]
    public async Task Refusals_AreTypedExceptions_WithTheProblemCodeAndRequestId()
    {
        var sku = await platform.CreateProductAsync(20m);
        var (client, _, _) = await platform.NewPartnerAsync();

        var missing = await Assert.ThrowsAsync<PartnerNotFoundException>(() => client.Orders.GetAsync("ord_missing"));
        Assert.Equal("resource_not_found", missing.Code);
        Assert.StartsWith("req_", missing.RequestId);
        Assert.Equal("resource_not_found", missing.Type!.Segments[^1]); // the page that explains the code
        Assert.Equal("Not Found", missing.Title);
        Assert.Equal("/v2/orders/ord_missing", missing.Instance);

        var unknown = await Assert.ThrowsAsync<PartnerValidationException>(() =>
            client.Orders.CreateAsync(new CreateOrderRequest { Reference = "BAD-SKU", Lines = [new OrderLineRequest { Sku = "NO-SUCH-SKU", Quantity = 1 }] }));
        Assert.Equal("unknown_sku", unknown.Code);
        Assert.Contains("lines[0].sku", unknown.Errors.Keys);

        await client.Orders.CreateAsync(new CreateOrderRequest { Reference = "TWICE", Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] });
        var duplicate = await Assert.ThrowsAsync<PartnerConflictException>(() =>
            client.Orders.CreateAsync(new CreateOrderRequest { Reference = "TWICE", Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }] }));
        Assert.Equal("duplicate_reference", duplicate.Code);
    }

    [Fact]
    public async Task WrongCredentials_FailAtTheFirstCall_NamingInvalidClient()
    {
        var session = await platform.NewPartnerSessionAsync();
        var (client, _) = await SdkHarness.ClientForAsync(platform, session.Credential with { Secret = "not-the-secret" });

        var error = await Assert.ThrowsAsync<PartnerAuthenticationException>(() => client.Partner.GetAsync());

        Assert.Equal("invalid_client", error.Code);
    }

    [Fact]
    public void ACredentialOfTheOtherEnvironment_IsRefusedBeforeAnyRequest()
    {
        var error = Assert.Throws<ArgumentException>(() => new PartnerClient(new PartnerClientOptions
        {
            ClientId = "live_abc", ClientSecret = "secret", Environment = ApiEnvironment.Sandbox,
        }));
        Assert.Contains("sbx_", error.Message);
    }

    [Fact]
    public async Task AnUnansweringServer_TimesOutWithinTheConfiguredTime()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections, never answers
        var client = new PartnerClient(new PartnerClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"),
            ClientId = "sbx_x", ClientSecret = "y", Timeout = TimeSpan.FromSeconds(1),
        });
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PartnerTimeoutException>(() => client.Partner.GetAsync());

        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Equal("timeout", error.Code);
    }

    [Fact]
    public async Task AnAnswerTheContractDoesNotDescribe_IsAnExceptionWithTheRawBodyAndRequestId()
    {
        using var broken = WireMockServer.Start();
        broken.Given(Request.Create().WithPath("/connect/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"access_token":"t","token_type":"Bearer","expires_in":900}"""));
        broken.Given(Request.Create().WithPath("/v2/orders/ord_1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithHeader("X-Request-Id", "req_proxy_page")
                .WithBody("<html>maintenance</html>"));
        var client = new PartnerClient(new PartnerClientOptions { BaseAddress = new Uri(broken.Urls[0] + "/"), ClientId = "sbx_x", ClientSecret = "y" });

        var error = await Assert.ThrowsAsync<PartnerApiException>(() => client.Orders.GetAsync("ord_1"));

        Assert.Contains("<html>maintenance</html>", error.RawBody);
        Assert.Equal("req_proxy_page", error.RequestId);
    }
}

/// <summary>
/// A platform whose rate limits are small enough to hit, and whose clock (which refills the buckets)
/// moves with real time, so that waiting as <c>Retry-After</c> says is enough.
/// </summary>
public sealed class TightlyLimitedPlatform : PlatformFactory
{
    private readonly Timer _realTime;

    public TightlyLimitedPlatform()
    {
        foreach (var tier in new[] { "Basic", "Advanced", "Strategic" })
        {
            Settings[$"RateLimits:{tier}:PermitsPerSecond"] = "2";
            Settings[$"RateLimits:{tier}:Burst"] = "2";
        }
        var last = System.Diagnostics.Stopwatch.GetTimestamp();
        var ticking = new Lock();
        _realTime = new Timer(_ =>
        {
            lock (ticking)
            {
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                Clock.Advance(System.Diagnostics.Stopwatch.GetElapsedTime(last, now));
                last = now;
            }
        }, null, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20));
    }

    public override async ValueTask DisposeAsync()
    {
        await _realTime.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class SdkRateLimitTests(TightlyLimitedPlatform platform) : IClassFixture<TightlyLimitedPlatform>
{
    [Fact]
    public async Task A429_IsWaitedOutAsRetryAfterSays_AndTheCallsSucceed()
    {
        var (client, transport, session) = await platform.NewPartnerAsync(o => o.MaxRetries = 6);

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(session.PartnerId, (await client.Partner.GetAsync()).Id);
        }

        Assert.Contains(transport.Requests, r => r.Status == 429);
        Assert.Equal(6, transport.Requests.Count(r => r.Path == "/v2/partners/me" && r.Status == 200));
    }
}

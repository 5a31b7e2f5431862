using System.Net;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Observability;

/// <summary>Support finds a partner's failing request in the tracing backend and in the logs from what the partner quotes.</summary>
public sealed class TraceAndLogTests(ObservedPlatform platform) : IClassFixture<ObservedPlatform>
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public async Task ProblemTraceId_IsTheW3CTraceIdTheCallerSent_AndRequestIdIsTheRequestIdHeader()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/partners/me");
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
        request.Headers.Add("X-Request-Id", "erp-trace-42");

        var problem = await (await platform.UntracedClient().SendAsync(request)).ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(TraceId, problem["traceId"]!.GetValue<string>());
        Assert.Equal("erp-trace-42", problem["requestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProblemTraceId_WithoutTraceparent_IsANewW3CTraceId()
    {
        var problem = await (await platform.CreateClient().GetAsync("/v1/partners/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Matches("^[0-9a-f]{32}$", problem["traceId"]!.GetValue<string>());
        Assert.NotEqual(new string('0', 32), problem["traceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task RequestLogLine_OfAnAuthenticatedRequest_CarriesTraceIdPartnerIdAndClientId_NeverTheToken()
    {
        var session = await platform.NewPartnerSessionAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/partners/me");
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
        request.Headers.Add("X-Request-Id", "log-line-" + session.PartnerId);

        (await platform.UntracedClient(session.AccessToken).SendAsync(request)).EnsureSuccessStatusCode();

        var line = platform.Logs.All.Single(l => Equals(l.Field("RequestId"), "log-line-" + session.PartnerId));
        Assert.Equal(TraceId, line.Field("TraceId"));
        Assert.Equal(session.PartnerId, line.Field("PartnerId"));
        Assert.Equal(session.Credential.ClientId, line.Field("ClientId"));
        Assert.DoesNotContain(session.AccessToken, line.Message);
    }

    [Fact]
    public async Task LogLines_WrittenWhileServingAPartner_CarryItsPartnerAndClientIdInScope()
    {
        var session = await platform.NewPartnerSessionAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/partners/me");
        request.Headers.Add("X-Request-Id", "scoped-" + session.PartnerId);

        (await session.Client.SendAsync(request)).EnsureSuccessStatusCode();

        // The request line is written last, outside the caller's scope; everything the request logs inside carries it.
        var inside = platform.Logs.All.Where(l => Equals(l.Scoped("RequestId"), "scoped-" + session.PartnerId) && l.Scoped("PartnerId") is not null).ToList();
        Assert.NotEmpty(inside);
        Assert.All(inside, l => Assert.Equal(session.Credential.ClientId, l.Scoped("ClientId")));
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Integration.Api.Tests.Settlement;

public enum GatewayBehaviour
{
    /// <summary>Pays a new reference (201), reports an existing one as a conflict (409 with the payout).</summary>
    Healthy,

    /// <summary>500 to everything, paying nothing.</summary>
    Failing,

    /// <summary>Pays, then answers only after a delay longer than the platform waits.</summary>
    SlowAfterPaying,

    /// <summary>Pays, then answers 500 (to repeats as well): the platform never hears that it paid.</summary>
    LosesAnswerAfterPaying,

    /// <summary>200 with a body that is not JSON, paying nothing.</summary>
    Garbage,

    /// <summary>Pays, but reports another amount.</summary>
    WrongAmount,

    /// <summary>Reports an existing payout as a fresh success (200) every time it is asked again.</summary>
    DuplicateReports,

    /// <summary>Accepts a payout as <c>processing</c>; it shows as paid when asked again by reference.</summary>
    Processing,

    /// <summary>500 to every payout request, paying nothing; lookups by reference still answer (404: no such payout).</summary>
    FailingPayouts,

    /// <summary>Holds every payout request longer than the platform waits, paying nothing; lookups still answer.</summary>
    Hanging,

    /// <summary>Pays, then sends a 201 status line and garbage and drops the connection: the platform never reads that it paid.</summary>
    DropsConnectionAfterPaying,
}

/// <summary>
/// The bank gateway of docs/settlement.md, played by WireMock.Net over real HTTP: it keeps the payouts it
/// made by idempotency key, so the request log and <see cref="PaymentsMade"/> show how often money moved.
/// </summary>
public sealed class BankGatewaySimulator : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentDictionary<string, JsonObject> _payouts = new();
    private readonly ConcurrentDictionary<string, int> _payments = new();

    public BankGatewaySimulator()
    {
        _server.Given(Request.Create().WithPath("/payouts").UsingPost()).RespondWith(Response.Create().WithCallback(PostAsync));
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/payouts/.+$")).UsingGet()).RespondWith(Response.Create().WithCallback(Get));
    }

    public string Url => _server.Urls[0] + "/";

    public GatewayBehaviour Behaviour { get; set; } = GatewayBehaviour.Healthy;

    public TimeSpan SlowAnswerDelay { get; set; } = TimeSpan.FromSeconds(5); // beyond the tests' attempt timeout (2 s)

    /// <summary>Signalled when the gateway has made a payment (before it answers).</summary>
    public SemaphoreSlim Paid { get; } = new(0);

    /// <summary>How many times money actually left for this reference.</summary>
    public int PaymentsMade(string reference) => _payments.GetValueOrDefault(reference);

    /// <summary>POST /payouts requests answered 201 (a payment made) for this reference, from WireMock's request log.</summary>
    public int SuccessfulPayoutResponses(string reference) => _server.LogEntries.Count(e =>
        e.RequestMessage.Method == "POST" && e.ResponseMessage.StatusCode is 201 or "201"
        && JsonNode.Parse(e.RequestMessage.Body ?? "{}")?["reference"]?.GetValue<string>() == reference);

    public int Requests(string method) => _server.LogEntries.Count(e => e.RequestMessage.Method == method);

    /// <summary>
    /// The calls made for one reference, in the order they arrived, from WireMock's request log:
    /// <c>POST</c> (payout requests naming it) and <c>GET</c> (lookups by it).
    /// </summary>
    public IReadOnlyList<string> CallsFor(string reference) => _server.LogEntries
        .Where(e => e.RequestMessage.Method == "GET"
            ? Uri.UnescapeDataString(e.RequestMessage.Path) == "/payouts/" + reference
            : e.RequestMessage.Method == "POST" && JsonNode.Parse(e.RequestMessage.Body ?? "{}")?["reference"]?.GetValue<string>() == reference)
        .OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage.Method).ToList();

    private int _inFlight;
    private int _received;

    /// <summary>
    /// Waits until no request is being answered and WireMock's log holds every request that arrived
    /// (it writes an entry just after the answer), for at most 5 s: a request whose caller died may never be logged.
    /// </summary>
    public async Task WaitUntilIdleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((Volatile.Read(ref _inFlight) > 0 || _server.LogEntries.Count() < Volatile.Read(ref _received)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    private int _posts;

    /// <summary>Payout requests received, counted on arrival (a request whose caller died may never reach WireMock's log).</summary>
    public int PostsReceived => Volatile.Read(ref _posts);

    private async Task<IResponseMessage> PostAsync(IRequestMessage request)
    {
        Interlocked.Increment(ref _posts);
        Interlocked.Increment(ref _received);
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await AnswerPostAsync(request);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<IResponseMessage> AnswerPostAsync(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}")!;
        var reference = body["reference"]!.GetValue<string>();
        var key = request.Headers!["Idempotency-Key"].Single();
        if (key != reference)
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject { ["error"] = "Idempotency-Key must equal reference" });
        }
        switch (Behaviour)
        {
            case GatewayBehaviour.Failing:
                return Json(HttpStatusCode.InternalServerError, new JsonObject { ["error"] = "bank unavailable" });
            case GatewayBehaviour.Garbage:
                return new ResponseMessage { StatusCode = 200, BodyData = new BodyData { BodyAsString = "<html>oops", DetectedBodyType = BodyType.String } };
            case GatewayBehaviour.FailingPayouts:
                return Json(HttpStatusCode.InternalServerError, new JsonObject { ["error"] = "payouts are down" });
            case GatewayBehaviour.Hanging:
                await Task.Delay(SlowAnswerDelay);
                return Json(HttpStatusCode.ServiceUnavailable, new JsonObject { ["error"] = "gave up" });
        }
        if (_payouts.TryGetValue(reference, out var existing))
        {
            if (Behaviour == GatewayBehaviour.LosesAnswerAfterPaying)
            {
                return Json(HttpStatusCode.InternalServerError, new JsonObject { ["error"] = "timeout talking to the bank" });
            }
            return Json(Behaviour == GatewayBehaviour.DuplicateReports ? HttpStatusCode.OK : HttpStatusCode.Conflict, existing.DeepClone());
        }
        var amount = Behaviour == GatewayBehaviour.WrongAmount ? "1.00" : body["amount"]!.GetValue<string>();
        var payout = new JsonObject
        {
            ["id"] = "bgp_" + Guid.NewGuid().ToString("N")[..16], ["reference"] = reference, ["status"] = "paid",
            ["amount"] = amount, ["currency"] = body["currency"]!.GetValue<string>(),
        };
        _payouts[reference] = payout;
        _payments.AddOrUpdate(reference, 1, (_, n) => n + 1);
        Paid.Release();
        switch (Behaviour)
        {
            case GatewayBehaviour.SlowAfterPaying:
                await Task.Delay(SlowAnswerDelay);
                break;
            case GatewayBehaviour.LosesAnswerAfterPaying:
                return Json(HttpStatusCode.InternalServerError, new JsonObject { ["error"] = "timeout talking to the bank" });
            case GatewayBehaviour.DropsConnectionAfterPaying:
                var dropped = Json(HttpStatusCode.Created, payout.DeepClone());
                dropped.FaultType = FaultType.MALFORMED_RESPONSE_CHUNK;
                return dropped;
            case GatewayBehaviour.Processing:
                var accepted = payout.DeepClone();
                accepted["status"] = "processing";
                return Json(HttpStatusCode.Accepted, accepted);
        }
        return Json(HttpStatusCode.Created, payout.DeepClone());
    }

    private IResponseMessage Get(IRequestMessage request)
    {
        Interlocked.Increment(ref _received);
        if (Behaviour == GatewayBehaviour.Failing)
        {
            return Json(HttpStatusCode.InternalServerError, new JsonObject { ["error"] = "bank unavailable" });
        }
        var reference = Uri.UnescapeDataString(request.Path["/payouts/".Length..]);
        return _payouts.TryGetValue(reference, out var payout)
            ? Json(HttpStatusCode.OK, payout.DeepClone())
            : Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = "no such payout" });
    }

    private static ResponseMessage Json(HttpStatusCode status, JsonNode body)
    {
        var response = new ResponseMessage
        {
            StatusCode = (int)status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(JsonSerializerOptions.Web), DetectedBodyType = BodyType.String },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }

    public void Dispose() => _server.Stop();
}

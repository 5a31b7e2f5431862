using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Integration.Api.Tests.Webhooks;

/// <summary>A partner's webhook endpoint, played by WireMock.Net over real HTTP on loopback.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public WebhookReceiver() => AnswerWith(204);

    public string Url => _server.Urls[0] + "/hooks/partner";

    /// <summary>What the receiver answers from now on.</summary>
    public void AnswerWith(int status, TimeSpan? delay = null, string body = "", string? location = null)
    {
        _server.ResetMappings();
        var response = Response.Create().WithStatusCode(status).WithBody(body);
        if (delay is { } d)
        {
            response = response.WithDelay(d);
        }
        if (location is not null)
        {
            response = response.WithHeader("Location", location);
        }
        _server.Given(Request.Create().WithPath("/hooks/partner").UsingPost()).RespondWith(response);
    }

    public IReadOnlyList<ReceivedWebhook> Received =>
        _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(ReceivedWebhook.From).ToList();

    public void Dispose() => _server.Stop();
}

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
    public string Type => Json["type"]!.GetValue<string>();
    public long Sequence => Json["sequence"]!.GetValue<long>();

    public static ReceivedWebhook From(ILogEntry entry)
    {
        var headers = entry.RequestMessage.Headers!;
        string Header(string name) => headers.First(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value.Single();
        return new ReceivedWebhook(Header("webhook-id"), Header("webhook-timestamp"), Header("webhook-signature"), entry.RequestMessage.Body ?? "");
    }

    /// <summary>The Standard Webhooks check, written from the specification (not with the platform's code).</summary>
    public bool VerifiesWith(string secret, string? body = null, string? timestamp = null)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{timestamp ?? Timestamp}.{body ?? Body}")));
        return Signature.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>A request being put together for one case: valid values first, then one mutation changes one thing.</summary>
public sealed class FuzzRequest(ContractOperation operation)
{
    public ContractOperation Operation { get; } = operation;
    public Dictionary<string, string> PathValues { get; } = [];
    public List<KeyValuePair<string, string>> Query { get; } = [];
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A JSON body, sent as UTF-8 application/json unless <see cref="RawBody"/> replaces it.</summary>
    public JsonNode? Body { get; set; }

    public bool HasBody { get; set; }

    /// <summary>Exact bytes and content type, for what a <see cref="JsonNode"/> cannot say (duplicate keys, other charsets, broken JSON).</summary>
    public (byte[] Bytes, string ContentType)? RawBody { get; set; }

    /// <summary>What the mutation sends where the body has text (an upload), instead of JSON.</summary>
    public string? Text { get; set; }

    public string BodyJson => Body?.ToJsonString() ?? "null";

    public HttpRequestMessage ToMessage()
    {
        var path = Operation.Path;
        foreach (var (name, value) in PathValues)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        if (Query.Count > 0)
        {
            path += "?" + string.Join('&', Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        }
        var message = new HttpRequestMessage(new HttpMethod(Operation.Method), path);
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (RawBody is { } raw)
        {
            message.Content = new ByteArrayContent(raw.Bytes);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", raw.ContentType);
        }
        else if (HasBody && Operation.Body is { } body)
        {
            message.Content = body.IsJson
                ? new StringContent(BodyJson, Encoding.UTF8, "application/json")
                : new StringContent(Text ?? "", Encoding.UTF8, body.MediaType);
            if (!body.IsJson)
            {
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(body.MediaType);
            }
        }
        return message;
    }
}

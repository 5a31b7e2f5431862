using System.Text.Json;

namespace Integration.Application.Hosting;

/// <summary>The JSON settings of the API's contract (the host sets them), for contract JSON read or written outside a request: stock import lines, webhook payloads.</summary>
public sealed class ContractJson(JsonSerializerOptions options)
{
    public JsonSerializerOptions Options => options;
}

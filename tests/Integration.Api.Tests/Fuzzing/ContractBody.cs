using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>The request body an operation takes: its first declared media type and that type's schema.</summary>
public sealed record ContractBody(string MediaType, JsonNode? Schema, bool Required)
{
    public bool IsJson => MediaType.Contains("json", StringComparison.OrdinalIgnoreCase);
}

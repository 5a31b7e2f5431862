using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>A path, query or header parameter as the document declares it.</summary>
public sealed record ContractParameter(string Name, string In, bool Required, JsonNode? Schema, JsonNode? Example = null);

using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>One path and method of a served OpenAPI document, with what it takes and every answer it declares.</summary>
public sealed record ContractOperation(
    string Method, string Path, IReadOnlyList<ContractParameter> Parameters, ContractBody? Body, JsonObject Responses)
{
    /// <summary>Whether the operation needs a token (all but the public application endpoints do).</summary>
    public bool Secured { get; init; } = true;

    public IEnumerable<ContractParameter> In(string location) => Parameters.Where(p => p.In == location);

    /// <summary>The declared response for a status: the exact code, then <c>4XX</c>-style ranges, then <c>default</c>.</summary>
    public JsonObject? ResponseFor(int status) =>
        (Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?? Responses[$"{status / 100}XX"]
            ?? Responses["default"]) as JsonObject;

    public override string ToString() => $"{Method} {Path}";
}

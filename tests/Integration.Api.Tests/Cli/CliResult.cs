using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Cli;

/// <summary>What one run of <c>integration-admin</c> left: its exit code, stdout, stderr, and stdout as JSON when it is JSON.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonNode? Json => Output.TrimStart() is ['{' or '[', ..] text ? JsonNode.Parse(text) : null;

    /// <summary>The ids of a listed JSON array.</summary>
    public IReadOnlyList<string> Ids => [.. Json!.AsArray().Select(item => item!["id"]!.GetValue<string>())];
}

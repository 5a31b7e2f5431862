using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;

namespace Integration.Api.Tests.Http;

/// <summary>
/// A member's description agrees with its type: a generated client's docs must not tell a partner to send a
/// string where the schema takes a number (the admin API's payment amount said "as a string" while taking a number).
/// </summary>
public sealed class ApiDocumentWordsTests
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("admin")]
    public void No_number_is_described_as_a_string(string document)
    {
        var json = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("sdk", "openapi", $"{document}.json")))!;
        var schemas = json["components"]!["schemas"]!.AsObject();

        var contradictions = (
            from schema in schemas
            from member in schema.Value!["properties"]?.AsObject() ?? []
            let type = member.Value!["type"]
            let description = member.Value["description"]?.GetValue<string>() ?? ""
            where type is not null && type.ToJsonString().Contains("number") && description.Contains("string", StringComparison.OrdinalIgnoreCase)
            select $"{schema.Key}.{member.Key}: {description}").ToList();

        Assert.True(schemas.Count > 10, $"{document}.json has only {schemas.Count} schemas");
        Assert.Empty(contradictions);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("admin")]
    public void No_description_shows_our_code_names(string document)
    {
        // An XML doc <see cref> prints as the C# name (Integration.Application.Audit.…), which means nothing to a partner.
        var text = File.ReadAllText(RepositoryFiles.PathOf("sdk", "openapi", $"{document}.json"));

        var leaks = System.Text.RegularExpressions.Regex.Matches(text, @"Integration\.(Api|Application|Core|Data|Sandbox)\.[A-Za-z.]+")
            .Select(m => m.Value).Distinct().ToList();
        Assert.Empty(leaks);
    }
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// Issue 20: the documents carry an example of every request body, one its own schema accepts, and the examples of the
/// main writes work as they stand on a freshly started platform (the demo partner and SKUs of the first run), so the
/// first "Execute" in Swagger UI succeeds.
/// </summary>
public sealed class ContractExampleTests
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("admin")]
    public async Task Every_json_request_body_has_an_example_its_schema_accepts(string documentName)
    {
        await using var platform = new PlatformFactory();
        await platform.InitializeAsync();
        var document = await DocumentAsync(platform, documentName);
        var conformance = new SchemaConformance(document);
        var wrong = new List<string>();
        var checkedBodies = 0;

        foreach (var operation in document.Operations.Where(o => o.Body is { IsJson: true }))
        {
            var schema = operation.Body!.Schema;
            if (ExampleOf(document, schema) is not { } example)
            {
                wrong.Add($"{operation}: no example");
                continue;
            }
            wrong.AddRange(conformance.Check(schema, example).Select(problem => $"{operation}: {problem}"));
            checkedBodies++;
        }

        Assert.True(checkedBodies > 0);
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("/v2/orders")]
    [InlineData("/v2/locations")]
    [InlineData("/v2/sandbox/actions/activity-subsidies")]
    [InlineData("/v2/sandbox/clock/advance")]
    public async Task The_documented_example_of_a_main_write_succeeds_on_a_fresh_platform(string path)
    {
        await using var platform = new FirstRunPlatform();
        await platform.InitializeAsync();
        var demoPartner = await platform.WithDbAsync(db => db.Partners.Where(p => p.Name == "Demo Trading Co.").Select(p => p.Id).SingleAsync());
        var credential = await platform.IssueCredentialAsync(demoPartner, "sandbox");
        var client = platform.ClientWithToken(await platform.TokenAsync(credential.ClientId, credential.Secret));
        var document = await DocumentAsync(platform, "v2");
        var operation = document.Operations.Single(o => o.Method == "POST" && o.Path == path);
        var example = ExampleOf(document, operation.Body!.Schema)!;

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{path} with {example.ToJsonString()}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<ContractDocument> DocumentAsync(PlatformFactory platform, string name) =>
        new(name, JsonNode.Parse(await (await platform.AdminClientAsync()).GetStringAsync($"/swagger/{name}/swagger.json"))!);

    /// <summary>The body's example: on the body's schema, or on the one schema it extends (<c>allOf</c> of a reference).</summary>
    private static JsonNode? ExampleOf(ContractDocument document, JsonNode? schema)
    {
        var resolved = document.Resolve(schema);
        return resolved?["example"]
            ?? (resolved?["allOf"] is JsonArray { Count: 1 } parts ? ExampleOf(document, parts[0]) : null);
    }
}

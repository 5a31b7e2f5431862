using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Integration.Api.Hosting;
using Integration.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// Issue 20: the documents carry an example of every request body and every JSON answer, one its own schema accepts and
/// that reads as written by a person, and the examples of the main writes work as they stand on a freshly started
/// platform (the demo partner and SKUs of the first run), so the first "Execute" in Swagger UI succeeds.
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
            wrong.AddRange(conformance.Check(schema, example).Concat(ExampleNoise.In(example)).Select(problem => $"{operation}: {problem}"));
            checkedBodies++;
        }

        Assert.True(checkedBodies > 0);
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("admin")]
    public async Task Every_json_answer_has_an_example_its_schema_accepts(string documentName)
    {
        await using var platform = new PlatformFactory();
        await platform.InitializeAsync();
        var document = await DocumentAsync(platform, documentName);
        // Answers are judged as a validating proxy judges them (see SchemaConformance), as the fuzzer's oracle does.
        var conformance = new SchemaConformance(document, nullableNeedsType: true);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var wrong = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var (operation, status, mediaType, media) in JsonAnswers(document))
        {
            var schema = media["schema"];
            if (AnswerExampleOf(document, media) is not { } example)
            {
                missing.Add($"{operation} {status}");
                continue;
            }
            foreach (var problem in conformance.Check(schema, example).Concat(ExampleNoise.In(example)))
            {
                wrong.Add($"{operation} {status} {mediaType}: {problem}");
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} answers without an example:\n" + string.Join('\n', missing));
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("admin")]
    public async Task Every_problem_example_is_the_problem_the_platform_answers_that_status_with(string documentName)
    {
        await using var platform = new PlatformFactory();
        await platform.InitializeAsync();
        var document = await DocumentAsync(platform, documentName);
        var client = platform.CreateClient();
        var wrong = new SortedSet<string>(StringComparer.Ordinal);
        var pages = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        var checkedProblems = 0;

        foreach (var (operation, status, _, media) in JsonAnswers(document).Where(a => a.MediaType == "application/problem+json"))
        {
            if (media["example"] is not JsonObject example)
            {
                wrong.Add($"{operation} {status}: no example of the problem");
                continue;
            }
            checkedProblems++;
            var code = example["code"]?.GetValue<string>() ?? "";
            var type = example["type"]?.GetValue<string>() ?? "";
            if (!ProblemPages.Codes.TryGetValue(code, out var entry) || entry.Status != status)
            {
                wrong.Add($"{operation} {status}: code '{code}' is not one docs/errors.md lists for {status}");
            }
            if (example["status"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture) != status)
            {
                wrong.Add($"{operation} {status}: the example says status {example["status"]}");
            }
            if (example["title"]?.GetValue<string>() != ReasonPhrases.GetReasonPhrase(int.Parse(status, CultureInfo.InvariantCulture)))
            {
                wrong.Add($"{operation} {status}: title '{example["title"]}' is not the one the platform writes");
            }
            if (!Uri.TryCreate(type, UriKind.Absolute, out var typeUri) || !type.EndsWith($"{ProblemPages.Path}/{code}", StringComparison.Ordinal))
            {
                wrong.Add($"{operation} {status}: type '{type}' is not the page of '{code}'");
            }
            else if ((pages.TryGetValue(typeUri.AbsolutePath, out var served) ? served
                     : pages[typeUri.AbsolutePath] = (await client.GetAsync(typeUri.AbsolutePath)).StatusCode) != HttpStatusCode.OK)
            {
                wrong.Add($"{operation} {status}: the platform does not serve {typeUri.AbsolutePath}");
            }
            if (status == "400" && example["errors"] is not JsonObject { Count: > 0 })
            {
                wrong.Add($"{operation} 400: a validation problem names the fields in `errors`");
            }
        }

        Assert.True(checkedProblems > 0);
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

        // As Swagger UI's "Execute" sends it: the example body, and the headers as "Try it out" fills them in.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json") };
        foreach (var header in operation.In("header").Where(h => h.Required || h.Example is not null))
        {
            Assert.True(header.Example is not null, $"{path}: the required header {header.Name} has no example to fill in");
            request.Headers.Add(header.Name, header.Example!.GetValue<string>());
        }
        using var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{path} with {example.ToJsonString()}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static IEnumerable<(ContractOperation Operation, string Status, string MediaType, JsonObject Media)> JsonAnswers(ContractDocument document) =>
        from operation in document.Operations
        from answer in operation.Responses
        from content in answer.Value?["content"] as JsonObject ?? []
        where content.Key.Contains("json", StringComparison.OrdinalIgnoreCase) && content.Value is JsonObject
        select (operation, answer.Key, content.Key, (JsonObject)content.Value!);

    /// <summary>
    /// What Swagger UI shows for an answer: the media type's example, else its schema's, else (for a list) one item's.
    /// </summary>
    private static JsonNode? AnswerExampleOf(ContractDocument document, JsonObject media) =>
        media["example"]
        ?? ExampleOf(document, media["schema"])
        ?? (document.Resolve(media["schema"]) is { } list && list["items"] is { } items && ExampleOf(document, items) is { } item
            ? new JsonArray(item.DeepClone())
            : null);

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

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// Issue 19: the limits the documents publish are the limits the platform enforces. For every bound of a request
/// body member (maxLength, minimum, maximum, maxItems) and of a query parameter in the served v1, v2 and admin
/// documents, the value at the bound is not refused for that field, and one past it is refused with 400 naming it.
/// v2 money is a decimal string: its bounds are its documented <c>x-minimum</c> and <c>x-maximum</c>, and one cent past.
/// A changed attribute changes both sides; a bound written into a document by hand, or a check in code that the
/// document does not show, fails here.
/// </summary>
public sealed class ContractLimitTests(FuzzPlatform platform, ITestOutputHelper output) : IClassFixture<FuzzPlatform>
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("admin")]
    public async Task Every_documented_request_bound_is_the_enforced_one(string documentName)
    {
        var world = platform.World;
        var json = await world.ClientOf(FuzzCaller.Admin).GetStringAsync($"/swagger/{documentName}/swagger.json");
        var document = new ContractDocument(documentName, JsonNode.Parse(json)!);
        var samples = new SchemaSamples(document, world);
        var client = world.ClientOf(documentName == "admin" ? FuzzCaller.Admin : FuzzCaller.Sandbox);
        var disagreements = new List<string>();
        var checkedBounds = 0;

        foreach (var operation in document.Operations)
        {
            foreach (var bound in BoundsOf(operation, document, samples))
            {
                var (pastStatus, pastBody, pastRefusal) = await SendAsync(client, Request(operation, bound, bound.Past, samples, world), bound.Field);
                if (pastRefusal.Count == 0)
                {
                    disagreements.Add($"{operation} {bound.Field} {bound.Kind}: one past the bound was not refused for it ({pastStatus} {Excerpt(pastBody)})");
                }
                if (bound.At is not { } at)
                {
                    disagreements.Add($"{operation} {bound.Field} {bound.Kind}: no value of that length fits the field's pattern");
                }
                else
                {
                    // At the bound the field may still be wrong for what it says (an unknown cursor or event type), not for its size.
                    var (atStatus, atBody, atRefusal) = await SendAsync(client, Request(operation, bound, at, samples, world), bound.Field);
                    if (atRefusal.Intersect(pastRefusal).Any())
                    {
                        disagreements.Add($"{operation} {bound.Field} {bound.Kind}: the bound itself was refused as the value past it is ({atStatus} {Excerpt(atBody)})");
                    }
                    checkedBounds++;
                }
                checkedBounds++;
            }
        }

        output.WriteLine($"{documentName}: {checkedBounds} requests at and past the documented bounds");
        Assert.True(checkedBounds > 0);
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} bounds disagree:\n" + string.Join('\n', disagreements));
    }

    /// <summary>A documented bound of one field: where it is, what it bounds, and the value at it and one past it.</summary>
    private sealed record Bound(string In, IReadOnlyList<Step> Path, string Field, string Kind, JsonNode? At, JsonNode Past);

    /// <summary>One step into a body: a member (with its schema), or the first item of an array.</summary>
    private sealed record Step(string? Member, JsonNode? Schema);

    private static IEnumerable<Bound> BoundsOf(ContractOperation operation, ContractDocument document, SchemaSamples samples)
    {
        foreach (var parameter in operation.In("query"))
        {
            foreach (var bound in Of(document.Resolve(parameter.Schema), "query", [new Step(parameter.Name, parameter.Schema)], parameter.Name, samples, document))
            {
                yield return bound;
            }
        }
        if (operation.Body is { IsJson: true } body)
        {
            foreach (var bound in Walk(body.Schema, [], document, samples, 0))
            {
                yield return bound;
            }
        }
    }

    private static IEnumerable<Bound> Walk(JsonNode? schemaNode, List<Step> path, ContractDocument document, SchemaSamples samples, int depth)
    {
        var schema = document.Resolve(schemaNode);
        if (schema is null || depth > 8)
        {
            yield break;
        }
        var field = Field(path);
        if (path.Count > 0)
        {
            foreach (var bound in Of(schema, "body", path, field, samples, document))
            {
                yield return bound;
            }
        }
        foreach (var part in schema["allOf"] as JsonArray ?? [])
        {
            foreach (var bound in Walk(part, path, document, samples, depth + 1))
            {
                yield return bound;
            }
        }
        foreach (var (member, memberSchema) in schema["properties"] as JsonObject ?? [])
        {
            foreach (var bound in Walk(memberSchema, [.. path, new Step(member, memberSchema)], document, samples, depth + 1))
            {
                yield return bound;
            }
        }
        if (schema["items"] is { } items)
        {
            foreach (var bound in Walk(items, [.. path, new Step(null, items)], document, samples, depth + 1))
            {
                yield return bound;
            }
        }
    }

    private static IEnumerable<Bound> Of(JsonObject? schema, string location, IReadOnlyList<Step> path, string field, SchemaSamples samples, ContractDocument document)
    {
        if (schema is null || schema["enum"] is not null)
        {
            yield break;
        }
        switch (schema["type"]?.GetValue<string>())
        {
            // v2 money: a decimal string bounded by the amounts it admits (x-minimum, x-maximum); its maxLength is the longer one's.
            case "string" when schema["x-maximum"] is { } highest && schema["x-minimum"] is { } lowest:
                var most = Amount(highest);
                var least = Amount(lowest);
                yield return new Bound(location, path, field, $"maximum {Cents(most)}", Cents(most), JsonValue.Create(Cents(most + 0.01m)));
                yield return new Bound(location, path, field, $"minimum {Cents(least)}", Cents(least), JsonValue.Create(Cents(least - 0.01m)));
                var longest = new[] { Cents(most), Cents(least) }.MaxBy(text => text.Length)!;
                var maxLength = schema["maxLength"]?.GetValue<int>() ?? 0;
                yield return new Bound(location, path, field, $"maxLength {maxLength}", longest.Length == maxLength ? longest : null, JsonValue.Create(longest + "0"));
                break;
            // A timestamp or date is bounded by its format; its maxLength only says how long one can be written.
            case "string" when schema["maxLength"] is { } max && schema["format"] is null:
                var length = max.GetValue<int>();
                var pattern = schema["pattern"]?.GetValue<string>();
                var known = samples.Sample(schema, path[^1].Member, new Random(0))?.GetValue<string>() ?? "";
                var at = TextOfLength(length, known, pattern);
                yield return new Bound(location, path, field, $"maxLength {length}", at, JsonValue.Create((at ?? new string('A', length)) + "A"));
                break;
            case "integer":
                if (schema["maximum"] is { } maximum && maximum.GetValue<double>() < long.MaxValue / 2)
                {
                    var m = (long)maximum.GetValue<double>();
                    yield return new Bound(location, path, field, $"maximum {m}", m, JsonValue.Create(m + 1));
                }
                if (schema["minimum"] is { } minimum && minimum.GetValue<double>() > long.MinValue / 2)
                {
                    var m = (long)minimum.GetValue<double>();
                    yield return new Bound(location, path, field, $"minimum {m}", m, JsonValue.Create(m - 1));
                }
                break;
            case "array" when schema["maxItems"] is { } maxItems:
                var count = maxItems.GetValue<int>();
                // Items of an enum (roles) are its values in turn, not a sample with a number appended, which no enum admits.
                if (document.Resolve(schema["items"])?["enum"] is JsonArray { Count: > 0 } values)
                {
                    yield return new Bound(location, path, field, $"maxItems {count}", Cycle(values, count), Cycle(values, count + 1));
                    break;
                }
                var item = samples.Sample(schema["items"], path[^1].Member, new Random(0));
                yield return new Bound(location, path, field, $"maxItems {count}", Items(item, count), Items(item, count + 1));
                break;
        }
    }

    private static decimal Amount(JsonNode text) => decimal.Parse(text.GetValue<string>(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static string Cents(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A value of exactly <paramref name="length"/> characters that fits the pattern: the fixture's value padded, or a plain one.</summary>
    private static string? TextOfLength(int length, string known, string? pattern)
    {
        string[] candidates = [known.PadRight(length, 'A'), known.PadRight(length, 'a'), new string('A', length), new string('1', length), "/".PadRight(length, 'a'), "CN-ABC-XYZ", "2026-01", "2026-Q1"];
        return candidates.FirstOrDefault(c => c.Length == length && (pattern is null || Regex.IsMatch(c, pattern)));
    }

    /// <summary>
    /// <paramref name="count"/> items: copies of one, except strings that end in a number each (lists of names
    /// refuse a name twice); objects keep their copies, each naming the same things.
    /// </summary>
    private static JsonArray Items(JsonNode? item, int count) => new([.. Enumerable.Range(0, count).Select(i =>
        item?.GetValueKind() == JsonValueKind.String ? JsonValue.Create(Suffix(item.GetValue<string>(), i)) : item?.DeepClone())]);

    private static JsonArray Cycle(JsonArray values, int count) => new([.. Enumerable.Range(0, count).Select(i => values[i % values.Count]?.DeepClone())]);

    private static string Suffix(string text, int i) => i == 0 ? text : text + i.ToString(CultureInfo.InvariantCulture);

    private static FuzzRequest Request(ContractOperation operation, Bound bound, JsonNode value, SchemaSamples samples, FuzzWorld world)
    {
        var random = new Random(0);
        var request = new FuzzRequest(operation);
        var segments = operation.Path.Split('/');
        foreach (var parameter in operation.In("path"))
        {
            var at = Array.IndexOf(segments, "{" + parameter.Name + "}");
            var known = world.Known(parameter.Name is "id" or "name" ? segments[at - 1] : parameter.Name);
            request.PathValues[parameter.Name] = known.Length > 0 ? known[0] : "unknown";
        }
        foreach (var parameter in operation.In("header"))
        {
            request.Headers[parameter.Name] = parameter.Name == "If-Match" ? "\"v1\"" : Guid.NewGuid().ToString();
        }
        foreach (var parameter in operation.In("query").Where(p => p.Required && p.Name != bound.Field))
        {
            request.Query.Add(new(parameter.Name, Text(samples.Sample(parameter.Schema, parameter.Name, random))));
        }
        if (bound.In == "query")
        {
            foreach (var item in value is JsonArray items ? items.ToArray() : [value])
            {
                request.Query.Add(new(bound.Field, Text(item)));
            }
        }
        if (operation.Body is { } body)
        {
            request.HasBody = true;
            request.Body = samples.Sample(body.Schema, null, random) ?? new JsonObject();
            if (bound.In == "body")
            {
                Put(request.Body, bound.Path, 0, value, samples);
            }
        }
        return request;
    }

    private static void Put(JsonNode container, IReadOnlyList<Step> path, int index, JsonNode value, SchemaSamples samples)
    {
        var step = path[index];
        var last = index == path.Count - 1;
        if (step.Member is { } member && container is JsonObject parent)
        {
            if (last)
            {
                parent[member] = value.DeepClone();
                return;
            }
            if (parent[member] is null)
            {
                parent[member] = samples.Sample(step.Schema, member, new Random(0));
            }
            Put(parent[member]!, path, index + 1, value, samples);
        }
        else if (container is JsonArray array && array.Count > 0)
        {
            if (last)
            {
                array[0] = value.DeepClone();
                return;
            }
            Put(array[0]!, path, index + 1, value, samples);
        }
    }

    /// <summary>The field as problems name it: <c>shipTo.name</c>, <c>lines[0].sku</c>.</summary>
    private static string Field(IReadOnlyList<Step> path) =>
        string.Concat(path.Select((s, i) => s.Member is null ? "[0]" : i == 0 ? s.Member : "." + s.Member));

    /// <summary>
    /// The request's refusal of the field: the messages of a 400 naming it, or of a 422 naming it where a body applies
    /// all or nothing and names every bad row at once (a bulk stock sync).
    /// </summary>
    private static async Task<(int Status, string Body, IReadOnlyList<string> Messages)> SendAsync(HttpClient client, FuzzRequest request, string field)
    {
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status is not (400 or 422))
        {
            return (status, body, []);
        }
        try
        {
            var errors = JsonNode.Parse(body)?["errors"] as JsonObject ?? [];
            var messages = errors.Where(e => Unindexed(e.Key.TrimStart('$', '.')).Equals(Unindexed(field), StringComparison.OrdinalIgnoreCase))
                .SelectMany(e => e.Value as JsonArray ?? []).Select(m => m?.GetValue<string>() ?? "").ToList();
            return (status, body, messages);
        }
        catch (JsonException)
        {
            return (status, body, []);
        }
    }

    /// <summary>A list's items are named by the list (<c>eventTypes</c>) or by the item (<c>rows[3].sku</c>); either names the bound.</summary>
    private static string Unindexed(string field) => Regex.Replace(field, @"\[\d+\]", "");

    private static string Text(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "";

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;
}

using System.Text;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// Changes one thing of a valid request: a body member or element, the body as a whole (duplicate keys, charset,
/// broken JSON), a query or header parameter, or a path id. Says what it did, and when the answer is fixed whatever
/// the caller (a foreign charset is 415 before anything reads the body).
/// </summary>
public static class FuzzMutator
{
    private static readonly string[] ForeignCharsets = ["utf-16", "utf-16le", "utf-32", "iso-8859-1", "windows-1252", "utf-7", "\"gb2312\""];
    private static readonly string[] BrokenJson = ["{", "[1,2", "{\"a\":}", "nul", "\u0000", "{\"a\" 1}", "\"\\ud800\"", "{}}", "\u00ef\u00bb\u00bf{}"];

    public static MutationOutcome Apply(FuzzRequest request, Random random)
    {
        var operation = request.Operation;
        var choice = random.Next(100);
        if (choice < 4)
        {
            return new MutationOutcome("none");
        }
        if (operation.Body is { IsJson: true } && choice < 50)
        {
            return choice < 40 ? MutateBodyValue(request, random) : MutateWholeBody(request, random);
        }
        if (operation.Body is { IsJson: false } && choice < 50)
        {
            return MutateText(request, random);
        }
        if (choice < 70 && operation.In("path").Any())
        {
            var parameter = operation.In("path").ElementAt(random.Next(operation.In("path").Count()));
            var unknown = random.Next(3) == 0 ? FuzzValues.PathText(random) : FuzzWorld.UnknownIds[random.Next(FuzzWorld.UnknownIds.Length)];
            request.PathValues[parameter.Name] = unknown;
            return new MutationOutcome($"path {parameter.Name}={Show(unknown)}");
        }
        if (choice < 85 || !operation.In("header").Any())
        {
            return MutateQuery(request, random);
        }
        return MutateHeader(request, random);
    }

    /// <summary>The expensive ones, run for a sample of operations: a 10⁶-character string, a 100,000-element array.</summary>
    public static MutationOutcome ApplyLarge(FuzzRequest request, bool array)
    {
        if (request.Operation.Body is { IsJson: false })
        {
            request.Text = string.Concat(Enumerable.Repeat(array ? "{}\n" : "{\"locationId\":\"x\",\"sku\":\"X\",\"onHand\":1}\n", array ? FuzzValues.HugeArrayLength : 1))
                + (array ? "" : new string('x', FuzzValues.HugeStringLength));
            return new MutationOutcome(array ? "upload of 100,000 lines" : "upload with a 10⁶-character line");
        }
        var locations = Locations(request.Body).ToList();
        if (array)
        {
            var target = locations.FirstOrDefault(l => l.Value is JsonArray);
            // Small elements keep the body under the platform's limit: an over-limit upload answered early is cut
            // off by Kestrel mid-send (BodySizeLimitTests covers 413); under it, every element reaches the reader.
            var first = (target.Value as JsonArray)?.FirstOrDefault();
            var element = first is not null && first.ToJsonString().Length <= 8 ? first : JsonValue.Create(1);
            var huge = new JsonArray(Enumerable.Range(0, FuzzValues.HugeArrayLength).Select(_ => element?.DeepClone()).ToArray());
            return Put(request, target.Path is null ? null : target, huge, "100,000-element array");
        }
        var text = locations.FirstOrDefault(l => l.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String);
        return Put(request, text.Path is null ? null : text, new string('x', FuzzValues.HugeStringLength), "10⁶-character string");
    }

    private static MutationOutcome Put(FuzzRequest request, (string? Path, JsonNode? Parent, object Key, JsonNode? Value)? location, JsonNode value, string what)
    {
        if (location is { Parent: { } parent } at)
        {
            Set(parent, at.Key, value);
            return new MutationOutcome($"{what} at {at.Path}");
        }
        if (request.Body is JsonObject root)
        {
            root["fuzz"] = value;
            return new MutationOutcome($"{what} as an undeclared member", MustBeRefused: true);
        }
        request.Body = value;
        return new MutationOutcome($"{what} as the body");
    }

    private static MutationOutcome MutateBodyValue(FuzzRequest request, Random random)
    {
        var locations = Locations(request.Body).Where(l => l.Parent is not null).ToList();
        if (locations.Count == 0)
        {
            return MutateWholeBody(request, random);
        }
        var (path, parent, key, current) = locations[random.Next(locations.Count)];
        switch (random.Next(8))
        {
            case 0:
                Set(parent!, key, null);
                return new MutationOutcome($"{path} = null");
            case 1:
                var wrong = FuzzValues.WrongType(current, random);
                Set(parent!, key, wrong);
                return new MutationOutcome($"{path} = {Show(wrong)} (wrong type)");
            case 2 when parent is JsonObject owner:
                owner.Remove((string)key);
                return new MutationOutcome($"{path} removed");
            case 3 when current is JsonArray list:
                var replacement = random.Next(3) switch { 0 => new JsonArray(), 1 => new JsonArray((JsonNode?)null), _ => new JsonArray(list.Select(e => e?.DeepClone()).Concat(list.Select(e => e?.DeepClone())).ToArray()) };
                Set(parent!, key, replacement);
                return new MutationOutcome($"{path} = {Show(replacement)}");
            case 4 when current is JsonObject members:
                members["fuzzUnknown"] = FuzzValues.Any(random);
                return new MutationOutcome($"{path}.fuzzUnknown added", MustBeRefused: true);
            default:
                var value = FuzzValues.Any(random);
                Set(parent!, key, value);
                return new MutationOutcome($"{path} = {Show(value)}");
        }
    }

    private static MutationOutcome MutateWholeBody(FuzzRequest request, Random random)
    {
        switch (random.Next(7))
        {
            case 0 when request.Body is JsonObject { Count: > 0 } members:
                var (name, value) = members.First();
                var duplicate = $"{{\"{name}\":{value?.ToJsonString() ?? "null"}," + request.BodyJson[1..];
                request.RawBody = (Encoding.UTF8.GetBytes(duplicate), "application/json");
                return new MutationOutcome($"duplicate key {name}", MustBeRefused: true);
            case 1:
                var charset = ForeignCharsets[random.Next(ForeignCharsets.Length)];
                request.RawBody = (Encoding.Unicode.GetBytes(request.BodyJson), $"application/json; charset={charset}");
                return new MutationOutcome($"charset={charset}", MustBeRefused: true, MustAnswer: 415);
            case 2:
                var broken = BrokenJson[random.Next(BrokenJson.Length)];
                request.RawBody = (Encoding.UTF8.GetBytes(broken), "application/json");
                return new MutationOutcome($"body {Show(broken)} (not JSON)", MustBeRefused: true);
            case 3:
                var type = random.Next(2) == 0 ? "text/plain" : "application/xml";
                request.RawBody = (Encoding.UTF8.GetBytes(request.BodyJson), type);
                return new MutationOutcome($"Content-Type {type}", MustBeRefused: true);
            case 4:
                request.HasBody = false;
                return new MutationOutcome("no body");
            case 5:
                var depth = 5_000;
                request.RawBody = (Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)), "application/json");
                return new MutationOutcome($"{depth} nested arrays", MustBeRefused: true);
            default:
                request.Body = random.Next(2) == 0 ? new JsonArray(request.Body?.DeepClone()) : FuzzValues.Any(random);
                return new MutationOutcome($"body = {Show(request.Body)}");
        }
    }

    private static MutationOutcome MutateText(FuzzRequest request, Random random)
    {
        if (random.Next(4) == 0)
        {
            var charset = ForeignCharsets[random.Next(ForeignCharsets.Length)];
            request.RawBody = (Encoding.Unicode.GetBytes(request.Text ?? ""), $"{request.Operation.Body!.MediaType}; charset={charset}");
            return new MutationOutcome($"charset={charset}", MustBeRefused: true, MustAnswer: 415);
        }
        var lines = (request.Text ?? "").Split('\n');
        var value = FuzzValues.Any(random)?.ToJsonString() ?? "null";
        request.Text = random.Next(3) switch
        {
            0 => value,
            1 => string.Join('\n', lines.Append(value)),
            _ => lines[0].Replace("5", value, StringComparison.Ordinal),
        };
        return new MutationOutcome($"upload {Show(request.Text)}");
    }

    private static MutationOutcome MutateQuery(FuzzRequest request, Random random)
    {
        var declared = request.Operation.In("query").Select(p => p.Name).ToList();
        var name = declared.Count > 0 && random.Next(5) > 0 ? declared[random.Next(declared.Count)] : "fuzz";
        var value = FuzzValues.QueryText(random);
        request.Query.RemoveAll(q => q.Key == name);
        request.Query.Add(new(name, value));
        if (random.Next(6) == 0)
        {
            request.Query.Add(new(name, value));
            return new MutationOutcome($"query {name}={Show(value)} twice");
        }
        return new MutationOutcome($"query {name}={Show(value)}");
    }

    private static MutationOutcome MutateHeader(FuzzRequest request, Random random)
    {
        var headers = request.Operation.In("header").ToList();
        var name = headers[random.Next(headers.Count)].Name;
        if (random.Next(4) == 0)
        {
            request.Headers.Remove(name);
            return new MutationOutcome($"header {name} missing");
        }
        var value = FuzzValues.HeaderValues[random.Next(FuzzValues.HeaderValues.Length)];
        request.Headers[name] = value;
        return new MutationOutcome($"header {name}: {Show(value)}");
    }

    /// <summary>Every member and element of a JSON value, with where it sits.</summary>
    private static IEnumerable<(string? Path, JsonNode? Parent, object Key, JsonNode? Value)> Locations(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members.ToList())
                {
                    yield return ($"{path}.{name}", members, name, value);
                    foreach (var inner in Locations(value, $"{path}.{name}"))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonArray elements:
                for (var i = 0; i < elements.Count; i++)
                {
                    yield return ($"{path}[{i}]", elements, i, elements[i]);
                    foreach (var inner in Locations(elements[i], $"{path}[{i}]"))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject members)
        {
            members[(string)key] = value;
        }
        else
        {
            parent.AsArray()[(int)key] = value;
        }
    }

    private static string Show(object? value)
    {
        var text = value switch { JsonNode node => node.ToJsonString(), null => "null", _ => value.ToString()! };
        return text.Length > 40 ? $"{text[..40]}…({text.Length} chars)" : text;
    }
}

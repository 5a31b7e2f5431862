using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>Builds a case: a valid request from the document and the fixture's objects, a caller, then one mutation.</summary>
public sealed class FuzzCaseBuilder(ContractDocument document, FuzzWorld world, RequestConformance conformance)
{
    private readonly SchemaSamples _samples = new(document, world);

    public FuzzCase Build(int number, ContractOperation operation, Random random, bool? large = null)
    {
        var request = Baseline(operation, random);
        var baselineValid = conformance.Problems(request).Count == 0;
        // A large body is sent by a caller the operation reads it for: an answer given before the body is read
        // (401, 403) makes Kestrel close the connection on the rest of an over-limit upload.
        var caller = large is null ? PickCaller(random) : document.Name == "admin" ? FuzzCaller.Admin : FuzzCaller.Sandbox;
        var outcome = large is { } array ? FuzzMutator.ApplyLarge(request, array) : FuzzMutator.Apply(request, random);
        var nowInvalid = conformance.Problems(request).Count > 0;
        var secured = caller == FuzzCaller.Anonymous && operation.Secured; // every operation needs a token but the public application endpoints
        return new FuzzCase(number, caller, request, outcome.Description,
            outcome.MustBeRefused || baselineValid && nowInvalid || secured, outcome.MustAnswer);
    }

    private FuzzRequest Baseline(ContractOperation operation, Random random)
    {
        var request = new FuzzRequest(operation);
        var segments = operation.Path.Split('/');
        foreach (var parameter in operation.In("path"))
        {
            var at = Array.IndexOf(segments, "{" + parameter.Name + "}");
            var known = world.Known(parameter.Name is "id" or "name" ? segments[at - 1] : parameter.Name);
            request.PathValues[parameter.Name] = known.Length > 0 && random.Next(5) > 0
                ? known[random.Next(known.Length)]
                : FuzzWorld.UnknownIds[random.Next(FuzzWorld.UnknownIds.Length)];
        }
        foreach (var parameter in operation.In("query").Where(p => p.Required || random.Next(3) == 0))
        {
            var value = _samples.Sample(parameter.Schema, parameter.Name, random);
            foreach (var item in value is JsonArray items ? items.ToArray() : [value])
            {
                request.Query.Add(new(parameter.Name, Text(item)));
            }
        }
        foreach (var parameter in operation.In("header"))
        {
            request.Headers[parameter.Name] = parameter.Name switch
            {
                "Idempotency-Key" => new Guid(random.NextInt64().ToString("x16") + random.NextInt64().ToString("x16")).ToString(),
                "If-Match" => "\"v1\"",
                _ => Text(_samples.Sample(parameter.Schema, parameter.Name, random)),
            };
        }
        if (operation.Body is { } body)
        {
            request.HasBody = true;
            if (body.IsJson)
            {
                request.Body = _samples.Sample(body.Schema, null, random);
            }
            else
            {
                request.Text = $$"""{"locationId":"{{world.Known("locationId")[0]}}","sku":"{{world.Known("sku")[0]}}","onHand":5}""";
            }
        }
        return request;
    }

    private FuzzCaller PickCaller(Random random)
    {
        var roll = random.Next(100);
        var admin = document.Name == "admin";
        return roll switch
        {
            < 15 => FuzzCaller.Anonymous,
            < 35 => admin ? FuzzCaller.Partner : FuzzCaller.Admin,
            < 55 => admin ? FuzzCaller.Sandbox : FuzzCaller.OtherPartner,
            < 75 => admin ? FuzzCaller.Admin : FuzzCaller.Sandbox,
            _ => admin ? FuzzCaller.Admin : FuzzCaller.Partner,
        };
    }

    private static string Text(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "";
}

using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// One document's run: every operation in turn, one mutated case each time, each case from its own generator
/// seeded by (seed, document, case number) so any case reads the same in every run with that seed.
/// </summary>
public sealed class FuzzRun(FuzzWorld world, FuzzSettings settings)
{
    public async Task<FuzzRunResult> RunAsync(string documentName)
    {
        var json = await world.ClientOf(FuzzCaller.Admin).GetStringAsync($"/swagger/{documentName}/swagger.json"); // the admin document is for internal callers
        var document = new ContractDocument(documentName, JsonNode.Parse(json)!);
        var conformance = new SchemaConformance(document);
        var builder = new FuzzCaseBuilder(document, world, new RequestConformance(conformance, new SchemaConformance(document, judgeFormats: false)));
        var oracle = new ResponseOracle(new SchemaConformance(document, nullableNeedsType: true));
        var operations = document.Operations;
        var failures = new List<FuzzFailure>();
        var statuses = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();

        var cases = new List<Func<FuzzCase>>();
        for (var number = 0; number < settings.CasesPerDocument; number++)
        {
            var n = number;
            cases.Add(() => builder.Build(n, operations[n % operations.Count], GeneratorFor(documentName, n)));
        }
        var sampler = GeneratorFor(documentName, -1);
        var withBodies = operations.Where(o => o.Body is not null).OrderBy(_ => sampler.Next()).Take(settings.LargePayloadOperations).ToList();
        foreach (var operation in withBodies)
        {
            foreach (var array in new[] { false, true })
            {
                var n = cases.Count;
                cases.Add(() => builder.Build(n, operation, GeneratorFor(documentName, n), large: array));
            }
        }

        foreach (var next in cases)
        {
            var fuzzCase = next();
            var (status, body, reasons) = await SendAsync(fuzzCase, oracle);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            failures.AddRange(reasons.Select(reason => new FuzzFailure(settings.Seed, fuzzCase, status, reason, body)));
        }
        return new FuzzRunResult(failures, cases.Count, clock.Elapsed, statuses);
    }

    private async Task<(int Status, string Body, IReadOnlyList<string> Reasons)> SendAsync(FuzzCase fuzzCase, ResponseOracle oracle)
    {
        using var message = fuzzCase.Request.ToMessage();
        try
        {
            using var response = await world.ClientOf(fuzzCase.Caller).SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, body, oracle.Judge(fuzzCase, response, body));
        }
        catch (HttpRequestException error)
        {
            return (0, "", [$"no answer: {error.GetBaseException().Message}"]);
        }
    }

    /// <summary>The generator of one case: a fixed mix of seed, document and number (string.GetHashCode changes per process).</summary>
    private Random GeneratorFor(string documentName, int number)
    {
        var document = documentName.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
        return new Random(unchecked(settings.Seed * 1_000_003 + document * 7_919 + number));
    }

    public static string Report(string documentName, FuzzRunResult result)
    {
        var text = new StringBuilder();
        var groups = result.Failures.GroupBy(f => f.Signature).ToList();
        text.AppendLine($"{documentName}: {result.Failures.Count} wrong answers in {result.Cases} cases, {groups.Count} distinct (replay with FUZZ_SEED={result.Failures.FirstOrDefault()?.Seed}):");
        foreach (var group in groups)
        {
            text.AppendLine($"  [{group.Count()}×] {group.Key}");
            text.AppendLine($"    first: {group.First()}");
        }
        return text.ToString();
    }
}

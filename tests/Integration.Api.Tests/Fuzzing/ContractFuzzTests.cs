using Xunit.Abstractions;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// Issue 18: every operation of every served OpenAPI document, fuzzed from its own schemas as five kinds of caller;
/// any 5xx or any answer the document does not describe fails, all of them reported at once.
/// FUZZ_SEED=n replays a run; FUZZ_CASES=n sends n cases per document (README, "Test it").
/// </summary>
public sealed class ContractFuzzTests(FuzzPlatform platform, ITestOutputHelper output) : IClassFixture<FuzzPlatform>
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("admin")]
    public async Task Every_operation_answers_fuzzed_requests_as_its_document_says(string document)
    {
        var settings = FuzzSettings.FromEnvironment();

        var result = await new FuzzRun(platform.World, settings).RunAsync(document);

        output.WriteLine($"{document}: {result.Cases} cases with FUZZ_SEED={settings.Seed} in {result.Elapsed.TotalSeconds:F1} s; statuses "
            + string.Join(", ", result.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(result.Failures.Count == 0, FuzzRun.Report(document, result));
    }
}

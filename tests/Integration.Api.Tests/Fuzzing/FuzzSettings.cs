using System.Globalization;

namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// What a run fuzzes: a fixed seed in CI so a red run replays exactly, <c>FUZZ_SEED</c> to choose another,
/// <c>FUZZ_CASES</c> for more cases per document on demand.
/// </summary>
public sealed record FuzzSettings(int Seed, int CasesPerDocument, int LargePayloadOperations)
{
    public const int DefaultSeed = 20261206;
    public const int DefaultCasesPerDocument = 1500;

    public static FuzzSettings FromEnvironment() => new(
        Number("FUZZ_SEED") ?? DefaultSeed,
        Number("FUZZ_CASES") ?? DefaultCasesPerDocument,
        Number("FUZZ_LARGE_OPERATIONS") ?? 3);

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

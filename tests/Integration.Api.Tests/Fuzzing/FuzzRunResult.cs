namespace Integration.Api.Tests.Fuzzing;

/// <summary>What one document's run found: every wrong answer, how many cases, how long, and how often each status came back.</summary>
public sealed record FuzzRunResult(IReadOnlyList<FuzzFailure> Failures, int Cases, TimeSpan Elapsed, IReadOnlyDictionary<int, int> Statuses);

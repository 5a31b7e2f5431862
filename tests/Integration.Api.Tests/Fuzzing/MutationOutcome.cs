namespace Integration.Api.Tests.Fuzzing;

/// <summary>What a mutation did, and what it makes the answer have to be whoever calls (refused; or one status, as 415 for a foreign charset).</summary>
public sealed record MutationOutcome(string Description, bool MustBeRefused = false, int? MustAnswer = null);

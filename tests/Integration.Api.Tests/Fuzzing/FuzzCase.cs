namespace Integration.Api.Tests.Fuzzing;

/// <summary>
/// One request of a run: its number (with the seed, all it takes to send it again), who sends it, what was mutated,
/// and what the answer must be beyond matching the document: refused (not 2xx), or exactly one status.
/// </summary>
public sealed record FuzzCase(int Number, FuzzCaller Caller, FuzzRequest Request, string Mutation, bool MustBeRefused, int? MustAnswer)
{
    public override string ToString() => $"case {Number}: {Caller} {Request.Operation} [{Mutation}]";
}

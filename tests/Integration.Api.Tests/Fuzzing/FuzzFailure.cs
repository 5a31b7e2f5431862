namespace Integration.Api.Tests.Fuzzing;

/// <summary>A case whose answer was wrong, with what it takes to reproduce and recognise it.</summary>
public sealed record FuzzFailure(int Seed, FuzzCase Case, int Status, string Reason, string Body)
{
    /// <summary>Failures alike in operation, caller kind, status and reason are one defect, reported once with a count.</summary>
    public string Signature => $"{Case.Request.Operation} → {Status}: {Reason}";

    public override string ToString()
    {
        var excerpt = Body.Length > 300 ? Body[..300] + "…" : Body;
        return $"FUZZ_SEED={Seed} {Case} → {Status}: {Reason}\n      {excerpt.ReplaceLineEndings(" ")}";
    }
}

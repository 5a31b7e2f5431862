using Integration.Data.People;

namespace Integration.Web.People;

/// <summary>What a sign-in attempt came to; a refusal carries the problem code and the sentence a person reads.</summary>
public sealed record SignInOutcome(SignInStep Step, Person? Person, string? RefusalCode = null, string? Refusal = null)
{
    public static SignInOutcome Refused(string code, string detail) => new(SignInStep.Refused, null, code, detail);
}

namespace Integration.Api.Tests.Fuzzing;

/// <summary>Who sends a case: the owner of the fixture's objects, a stranger to them, a sandbox tenant, an internal admin, nobody.</summary>
public enum FuzzCaller
{
    Partner,
    OtherPartner,
    Sandbox,
    Admin,
    Anonymous,
}

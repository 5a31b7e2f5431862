namespace Integration.Core.Credentials;

/// <summary>What an internal person or tool is trusted with (domain.md › Internal roles). Every role also reads as <see cref="Viewer"/>.</summary>
public enum InternalRole
{
    Viewer,
    Onboarding,
    Credentials,
    Finance,
    RegionalManager,
    Legal,
    Risk,
    Admin,
}

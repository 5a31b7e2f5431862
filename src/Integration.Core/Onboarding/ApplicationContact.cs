namespace Integration.Core.Onboarding;

/// <summary>A person at the applicant; the first contact receives the e-mail confirmation.</summary>
public sealed class ApplicationContact
{
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }
    public string? Role { get; init; }
}

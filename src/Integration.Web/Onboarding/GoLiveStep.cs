namespace Integration.Web.Onboarding;

/// <summary>One step of the way from sandbox credentials to live ones, and whether the partner has taken it.</summary>
public sealed record GoLiveStep(string Key, bool Done);

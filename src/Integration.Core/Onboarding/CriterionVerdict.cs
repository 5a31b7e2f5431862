namespace Integration.Core.Onboarding;

public enum CriterionVerdict
{
    /// <summary>Not judged yet: the platform could not compute it and no reviewer has recorded a verdict.</summary>
    Pending,
    Met,
    NotMet,
    NotApplicable,
}

namespace Integration.Core.Onboarding;

/// <summary>One criterion of an application's review: the verdict, why, and who gave it (<c>platform</c> when computed).</summary>
public sealed class ChecklistItem
{
    public QualificationCriterion Criterion { get; init; }
    public CriterionVerdict Verdict { get; set; }
    public string? Note { get; set; }
    public required string DecidedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    public bool Required => QualificationChecklist.IsRequired(Criterion);

    public bool ComputedByPlatform => DecidedBy == QualificationChecklist.Platform;
}

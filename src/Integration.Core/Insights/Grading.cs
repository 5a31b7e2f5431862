namespace Integration.Core.Insights;

/// <summary>The highest grade whose three thresholds are all met; C otherwise.</summary>
public static class Grading
{
    public static Grade GradeOf(GradeInputs inputs, GradeThresholds a, GradeThresholds b) =>
        a.AreMetBy(inputs) ? Grade.A : b.AreMetBy(inputs) ? Grade.B : Grade.C;
}

using Integration.Core.Insights;

namespace Integration.Core.Tests.Insights;

/// <summary>domain.md › Performance grades: the highest grade whose three thresholds are all met, at the boundaries exactly.</summary>
public sealed class GradingTests
{
    private static Grade GradeFor(decimal? footfall, decimal? conversion, decimal? repurchase) =>
        Grading.GradeOf(new GradeInputs(footfall, conversion, repurchase), GradeThresholds.DefaultA, GradeThresholds.DefaultB);

    [Fact]
    public void Exactly_the_A_thresholds_give_A() => Assert.Equal(Grade.A, GradeFor(3_000m, 0.0800m, 0.3500m));

    [Theory]
    [InlineData(2_999.99, 0.08, 0.35)]
    [InlineData(3_000, 0.0799, 0.35)]
    [InlineData(3_000, 0.08, 0.3499)]
    public void One_figure_just_under_A_gives_B(double footfall, double conversion, double repurchase) =>
        Assert.Equal(Grade.B, GradeFor((decimal)footfall, (decimal)conversion, (decimal)repurchase));

    [Fact]
    public void Exactly_the_B_thresholds_give_B() => Assert.Equal(Grade.B, GradeFor(1_500m, 0.0500m, 0.2000m));

    [Theory]
    [InlineData(1_499.99, 0.5, 0.9)]
    [InlineData(9_000, 0.0499, 0.9)]
    [InlineData(9_000, 0.5, 0.1999)]
    public void One_figure_just_under_B_gives_C_however_good_the_others(double footfall, double conversion, double repurchase) =>
        Assert.Equal(Grade.C, GradeFor((decimal)footfall, (decimal)conversion, (decimal)repurchase));

    [Fact]
    public void A_figure_with_nothing_to_divide_by_meets_no_threshold() => Assert.Equal(Grade.C, GradeFor(5_000m, null, 0.5m));

    [Fact]
    public void Targets_of_another_cooperation_mode_decide_with_the_same_rule()
    {
        var stricterA = GradeThresholds.DefaultA with { MonthlyFootfallPerOutlet = 4_000m };
        Assert.Equal(Grade.B, Grading.GradeOf(new GradeInputs(3_000m, 0.08m, 0.35m), stricterA, GradeThresholds.DefaultB));
    }

    [Theory]
    [InlineData(2, 3, 0.6667)]
    [InlineData(84, 1_200, 0.07)]
    [InlineData(1, 8, 0.125)]
    public void Ratios_round_to_4_decimals_away_from_zero(int numerator, int denominator, double expected) =>
        Assert.Equal((decimal)expected, Ratios.Of(numerator, denominator));

    [Fact]
    public void A_zero_denominator_is_null_never_zero() => Assert.Null(Ratios.Of(5, 0));
}

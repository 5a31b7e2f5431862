using Integration.Core.Partners;
using Integration.Core.Ratings;

namespace Integration.Core.Tests.Ratings;

/// <summary>domain.md › credit rating proposals: each branch of the rule over the trailing 12 months.</summary>
public sealed class RatingRulesTests
{
    private static readonly DateOnly QuarterEnd = new(2026, 7, 1);

    private static PaymentRecord Due(int month, int day, int? paidDaysAfterDue = null)
    {
        var due = new DateOnly(2026, month, day);
        return new PaymentRecord("stm_" + month, due, paidDaysAfterDue is { } late ? due.AddDays(late) : null);
    }

    private static RatingAssessment Assess(CreditRating current, params PaymentRecord[] history) => RatingRules.Assess(current, history, QuarterEnd);

    [Fact]
    public void Nothing_overdue_with_rating_B_proposes_A() =>
        Assert.Equal(CreditRating.A, Assess(CreditRating.B, Due(3, 30, paidDaysAfterDue: 0), Due(5, 30, paidDaysAfterDue: -3)).Proposed);

    [Theory]
    [InlineData(CreditRating.A)]
    [InlineData(CreditRating.C)]
    public void Nothing_overdue_otherwise_keeps_the_rating(CreditRating current) => Assert.Equal(current, Assess(current).Proposed);

    [Fact]
    public void One_amount_paid_late_proposes_B_from_A()
    {
        var assessment = Assess(CreditRating.A, Due(4, 30, paidDaysAfterDue: 30));
        Assert.Equal(CreditRating.B, assessment.Proposed);
        Assert.Equal((1, 30), (assessment.OverdueAmounts, assessment.MaxDaysOverdue));
    }

    [Fact]
    public void Two_overdue_amounts_keep_B_at_B() => Assert.Equal(CreditRating.B, Assess(CreditRating.B, Due(2, 28, 5), Due(4, 30, 1)).Proposed);

    [Fact]
    public void One_amount_more_than_30_days_overdue_proposes_C()
    {
        var assessment = Assess(CreditRating.A, Due(4, 30, paidDaysAfterDue: 31));
        Assert.Equal(CreditRating.C, assessment.Proposed);
        Assert.Equal(31, assessment.MaxDaysOverdue);
    }

    [Fact]
    public void An_amount_still_unpaid_counts_its_days_to_the_quarter_end() =>
        Assert.Equal((CreditRating.C, 32), (Assess(CreditRating.B, Due(5, 30)).Proposed, Assess(CreditRating.B, Due(5, 30)).MaxDaysOverdue));

    [Fact]
    public void Three_amounts_overdue_a_day_each_propose_C() =>
        Assert.Equal(CreditRating.C, Assess(CreditRating.A, Due(1, 31, 1), Due(2, 28, 1), Due(3, 31, 1)).Proposed);

    [Fact]
    public void An_amount_paid_late_before_the_12_months_does_not_count() =>
        Assert.Equal(CreditRating.A, Assess(CreditRating.B, new PaymentRecord("stm_old", new DateOnly(2025, 5, 31), new DateOnly(2025, 6, 20))).Proposed);

    [Fact]
    public void An_old_amount_still_unpaid_counts() =>
        Assert.Equal(CreditRating.C, Assess(CreditRating.B, new PaymentRecord("stm_old", new DateOnly(2025, 5, 31), null)).Proposed);

    [Fact]
    public void An_amount_not_yet_due_is_not_overdue() => Assert.Equal(CreditRating.A, Assess(CreditRating.B, Due(7, 15)).Proposed);
}

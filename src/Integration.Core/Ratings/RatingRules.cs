using Integration.Core.Partners;

namespace Integration.Core.Ratings;

/// <summary>What the payment history says about a partner's credit rating.</summary>
/// <param name="Proposed">The rating to propose.</param>
/// <param name="OverdueAmounts">Amounts of the trailing 12 months paid late or still unpaid past their due date.</param>
/// <param name="MaxDaysOverdue">The longest of them, in days.</param>
/// <param name="Reason">The rule that decided, in words.</param>
public sealed record RatingAssessment(CreditRating Proposed, int OverdueAmounts, int MaxDaysOverdue, string Reason);

/// <summary>
/// The credit rating proposal rule (domain.md › Performance grades and credit rating proposals). Over the 12 months up
/// to <c>asOf</c> (an amount counts when it was overdue at some time in them; one still unpaid counts its days to <c>asOf</c>): an amount more than 30 days overdue, or 3 or more overdue amounts → <c>C</c>; any overdue amount →
/// at most <c>B</c>; nothing overdue and rating <c>B</c> → <c>A</c>. Otherwise the rating stays (from <c>C</c>, nothing
/// overdue proposes no change: moving a partner off prepayment is the teams' call).
/// </summary>
public static class RatingRules
{
    public const int SevereDaysOverdue = 30;
    public const int SevereOverdueCount = 3;

    public static RatingAssessment Assess(CreditRating current, IEnumerable<PaymentRecord> history, DateOnly asOf)
    {
        var windowStart = asOf.AddMonths(-12);
        // Overdue at some time in the window: due before asOf, and unpaid or paid after the window began.
        var overdue = history.Where(p => p.DueDate < asOf && (p.PaidOn is not { } paid || paid > windowStart))
            .Select(p => p.DaysOverdue(asOf)).Where(d => d > 0).ToList();
        var maxDays = overdue.Count == 0 ? 0 : overdue.Max();
        if (maxDays > SevereDaysOverdue || overdue.Count >= SevereOverdueCount)
        {
            return new RatingAssessment(CreditRating.C, overdue.Count, maxDays,
                maxDays > SevereDaysOverdue ? $"An amount was {maxDays} days overdue (more than {SevereDaysOverdue})." : $"{overdue.Count} amounts were overdue (3 or more).");
        }
        if (overdue.Count > 0)
        {
            return new RatingAssessment(current == CreditRating.C ? CreditRating.C : CreditRating.B, overdue.Count, maxDays,
                $"{overdue.Count} amount(s) overdue, at most {maxDays} days: at most B.");
        }
        return current == CreditRating.B
            ? new RatingAssessment(CreditRating.A, 0, 0, "Nothing overdue in 12 months with rating B.")
            : new RatingAssessment(current, 0, 0, "Nothing overdue in 12 months.");
    }
}

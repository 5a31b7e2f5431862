using Integration.Core.Partners;

namespace Integration.Core.Settlement;

/// <summary>When an amount a partner owes falls due: the period's last day plus the rating's term.</summary>
public static class PaymentTerms
{
    public static int Days(CreditRating rating) => rating switch
    {
        CreditRating.A => 60,
        CreditRating.B => 30,
        CreditRating.C => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(rating)),
    };

    /// <summary>The agreement's payment term when it states one, else the rating's.</summary>
    public static DateOnly DueDate(SettlementPeriod period, CreditRating rating, int? agreedDays = null) =>
        period.LastDay.AddDays(agreedDays ?? Days(rating));
}

namespace Integration.Core.Ratings;

/// <summary>An amount a partner owed on a closed statement: when it was due, and the day it was paid in full (null while not).</summary>
public sealed record PaymentRecord(string StatementId, DateOnly DueDate, DateOnly? PaidOn)
{
    /// <summary>Days past the due date it was paid, or is still unpaid on <paramref name="asOf"/>; 0 when paid on time or not yet due.</summary>
    public int DaysOverdue(DateOnly asOf)
    {
        var settledOrNow = PaidOn is { } paid && paid < asOf ? paid : asOf;
        return Math.Max(0, settledOrNow.DayNumber - DueDate.DayNumber);
    }
}

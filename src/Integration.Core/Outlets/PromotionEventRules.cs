using Integration.Core.Common;

namespace Integration.Core.Outlets;

/// <summary>The dates of a promotional event: each end on or after its start, and what actually happened not in the future.</summary>
public static class PromotionEventRules
{
    public static RowRefusal? CheckPlan(DateOnly plannedStart, DateOnly plannedEnd) =>
        plannedEnd < plannedStart
            ? new("plan_end_before_start", "plannedEnd", $"plannedEnd {plannedEnd:yyyy-MM-dd} is before plannedStart {plannedStart:yyyy-MM-dd}.")
            : null;

    public static RowRefusal? CheckActual(DateOnly? actualStart, DateOnly? actualEnd, DateOnly today)
    {
        if (actualEnd is not null && actualStart is null)
        {
            return new("unprocessable_entity", "actualStart", "Give actualStart with actualEnd: an event ends after it starts.");
        }
        if (actualStart is { } start && actualEnd is { } end && end < start)
        {
            return new("actual_end_before_start", "actualEnd", $"actualEnd {end:yyyy-MM-dd} is before actualStart {start:yyyy-MM-dd}.");
        }
        if (actualStart > today)
        {
            return new("day_in_future", "actualStart", $"actualStart {actualStart:yyyy-MM-dd} has not begun yet (today is {today:yyyy-MM-dd} on this environment's clock).");
        }
        if (actualEnd > today)
        {
            return new("day_in_future", "actualEnd", $"actualEnd {actualEnd:yyyy-MM-dd} has not come yet (today is {today:yyyy-MM-dd} on this environment's clock).");
        }
        return null;
    }
}

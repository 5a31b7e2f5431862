using Integration.Core.Common;

namespace Integration.Core.Outlets;

/// <summary>
/// What a daily activity report must be: counts from 0, conversions at most the footfall, a day that has begun on the
/// environment's clock, and one the outlet was open.
/// </summary>
public static class ActivityReportRules
{
    /// <param name="outlet">The outlet named, or null when the partner has none with that id here.</param>
    public static RowRefusal? Check(Outlet? outlet, string outletId, DateOnly day, int footfall, int conversions, DateOnly today)
    {
        if (footfall is < 0 or > ContractLimits.DailyFootfall)
        {
            return new(RowRefusal.Invalid, "footfall", "footfall is a whole number from 0 to 1,000,000.");
        }
        if (conversions is < 0 or > ContractLimits.DailyFootfall)
        {
            return new(RowRefusal.Invalid, "conversions", "conversions is a whole number from 0 to 1,000,000.");
        }
        if (conversions > footfall)
        {
            return new("conversions_exceed_footfall", "conversions", $"conversions ({conversions}) cannot be more than footfall ({footfall}).");
        }
        if (outlet is null)
        {
            return new("unknown_outlet", "outletId", $"There is no outlet '{outletId}' of yours in this environment.");
        }
        if (day > today)
        {
            return new("day_in_future", "day", $"{day:yyyy-MM-dd} has not begun yet (today is {today:yyyy-MM-dd} on this environment's clock).");
        }
        if (!outlet.IsOpenOn(day))
        {
            return new("outlet_closed", "day",
                $"The outlet was not open on {day:yyyy-MM-dd}: it opened on {outlet.OpenedOn:yyyy-MM-dd}{(outlet.ClosedOn is { } closed ? $" and closed on {closed:yyyy-MM-dd}" : "")}.");
        }
        return null;
    }
}

using Integration.Core.Settlement;

namespace Integration.Application.Settlement;

/// <summary>
/// When the scheduled job closes a month: at midnight after the month in the configured time zone
/// (never before the month has ended in UTC, since periods are UTC months), plus the configured delay.
/// </summary>
public static class CloseSchedule
{
    public static DateTimeOffset DueAt(SettlementPeriod period, TimeZoneInfo zone, TimeSpan delay)
    {
        var next = period.Next;
        var localMidnight = TimeZoneInfo.ConvertTimeToUtc(new DateTime(next.Year, next.Month, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
        var start = new DateTimeOffset(localMidnight, TimeSpan.Zero);
        return (start > period.End ? start : period.End) + delay;
    }

    /// <summary>Recent months whose close is due, oldest first (three, so a few missed runs are caught up).</summary>
    public static IEnumerable<SettlementPeriod> DuePeriods(DateTimeOffset now, TimeZoneInfo zone, TimeSpan delay)
    {
        var current = SettlementPeriod.Of(now);
        return new[] { current.Previous.Previous.Previous, current.Previous.Previous, current.Previous }
            .Where(p => DueAt(p, zone, delay) <= now);
    }
}

namespace Integration.Core.Common;

public static class ClockExtensions
{
    /// <summary>
    /// Now, in UTC, to the whole millisecond: every provider stores that exactly, so a value reads
    /// back equal to what was written (and hashes over it stay valid).
    /// </summary>
    public static DateTimeOffset UtcNow(this TimeProvider clock) => ToStoredPrecision(clock.GetUtcNow());

    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}

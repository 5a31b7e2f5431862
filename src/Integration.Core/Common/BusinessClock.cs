namespace Integration.Core.Common;

/// <summary>
/// The time business rules run at, one per unit of work: the platform's clock, moved forward by the
/// caller's sandbox clock offset when the work is a sandbox partner's (docs/adr/0010). Tokens,
/// networking and retention keep reading the platform's <see cref="TimeProvider"/> directly.
/// </summary>
public sealed class BusinessClock(TimeProvider platform) : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public override DateTimeOffset GetUtcNow() => platform.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => platform.LocalTimeZone;

    public override long TimestampFrequency => platform.TimestampFrequency;

    public override long GetTimestamp() => platform.GetTimestamp();

    /// <summary>Runs this unit of work on a sandbox clock that is <paramref name="offset"/> ahead of the platform's.</summary>
    public void RunAhead(TimeSpan offset) => Offset = offset;
}

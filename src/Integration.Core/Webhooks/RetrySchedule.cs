namespace Integration.Core.Webhooks;

/// <summary>
/// When to try a failing event again: the n-th delay after the n-th failed attempt (the last delay
/// repeats), for at most <see cref="Window"/> after the first failure; then the subscription is disabled.
/// </summary>
public sealed record RetrySchedule(IReadOnlyList<TimeSpan> Delays, TimeSpan Window)
{
    /// <summary>Exponential back-off for about 3 days: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, then every 8 h.</summary>
    public static RetrySchedule Live { get; } = new(
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
         TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8)],
        TimeSpan.FromDays(3));

    /// <summary>The sandbox gives up within minutes, so partners see the whole cycle while testing.</summary>
    public static RetrySchedule Sandbox { get; } = new(
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)],
        TimeSpan.FromMinutes(10));

    public TimeSpan DelayAfter(int failedAttempts) => Delays[Math.Clamp(failedAttempts - 1, 0, Delays.Count - 1)];

    public bool GivesUp(DateTimeOffset failingSince, DateTimeOffset now) => now - failingSince >= Window;
}

namespace Integration.Application.Outlets;

/// <summary>Days from <c>from</c> to <c>to</c>, both included; either may be left out.</summary>
public sealed record DayRange
{
    /// <summary>The first day (ISO 8601 date), included.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day (ISO 8601 date), included.</summary>
    public DateOnly? To { get; init; }
}

namespace Integration.Sandbox.Clocks;

/// <summary>A sandbox clock moved from one time to another; what fell due in between may still be running.</summary>
/// <param name="From">The sandbox clock before.</param>
/// <param name="To">The sandbox clock after.</param>
public sealed record ClockMove(DateTimeOffset From, DateTimeOffset To);

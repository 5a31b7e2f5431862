namespace Integration.Core.Sandbox;

public enum ClockAdvanceStatus
{
    Advancing,
    Ready,
    Failed,
}

/// <summary>
/// A large sandbox clock advance running in the background (docs/sandbox.md › Asynchronous advances).
/// The clock has moved already; what fell due in between runs under a lease, on whichever instance
/// takes it, and a successor after a crash finishes it without doing anything twice.
/// </summary>
public sealed class ClockAdvance
{
    /// <summary>An advance interrupted this many times (its instance died or lost its lease) is given up as failed.</summary>
    public const int MaxAttempts = 5;

    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public ClockAdvanceStatus Status { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset To { get; set; }

    /// <summary>Order steps due before <see cref="To"/> when the advance began (an upper bound: held-back orders do not move).</summary>
    public int OrderStepsExpected { get; init; }
    public int OrderStepsDone { get; set; }
    public int OrdersHeldBack { get; set; }

    /// <summary>When ready: what the advance ran, as the JSON of a synchronous advance's <c>ran</c>.</summary>
    public string? Outcome { get; set; }
    /// <summary>
    /// While advancing: what has run so far (a <c>ran</c> without the held-back orders), written with each batch of
    /// moves, so an instance that takes the advance over counts on from it.
    /// </summary>
    public string? RanSoFar { get; set; }

    public string? FailureCode { get; set; }
    public string? FailureDetail { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}

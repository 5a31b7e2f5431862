namespace Integration.Core.Sandbox;

/// <summary>How a simulated outside system answers a partner's sandbox (docs/sandbox.md › Simulators).</summary>
public enum SimulatorMode
{
    Healthy,
    Slow,
    Failing,
    DuplicateReports,
}

/// <summary>
/// One partner's sandbox: its clock, the modes of its simulators and when it was last used. The
/// partner's sandbox data are its sandbox-environment rows and those of its seeded peers.
/// </summary>
public sealed class SandboxWorld
{
    /// <summary>How far one advance may move the clock.</summary>
    public static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(731);

    public required string PartnerId { get; init; }

    /// <summary>How far this sandbox's clock runs ahead of the platform's; never negative.</summary>
    public TimeSpan ClockOffset { get; set; }

    public SimulatorMode BankGatewayMode { get; set; }
    public SimulatorMode CarrierMode { get; set; }

    /// <summary>The seeded history starts here: the sandbox settles months from this date on.</summary>
    public DateTimeOffset HistoryFrom { get; init; }

    public DateTimeOffset SeededAt { get; set; }

    /// <summary>
    /// Real time of the last reset (or of the sandbox's creation): the simulator log shows only calls made since. A call
    /// made before it may still be written afterwards (by another instance's log writer); it stays out of sight.
    /// </summary>
    public DateTimeOffset SimulatorCallsFrom { get; set; }

    /// <summary>Sandboxes unused for 90 days may be purged (docs/sandbox.md › Guard rails).</summary>
    public DateTimeOffset LastUsedAt { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>A saved state of a partner's sandbox, restorable with its clock.</summary>
public sealed class SandboxSnapshot
{
    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public string? Name { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The clock's offset when the snapshot was taken; restoring sets it again.</summary>
    public TimeSpan ClockOffset { get; init; }

    /// <summary>The sandbox clock when the snapshot was taken.</summary>
    public DateTimeOffset ClockAt => CreatedAt + ClockOffset;

    /// <summary>The sandbox's rows, as JSON (<c>SandboxWorldRows</c>).</summary>
    public required string Rows { get; init; }
}

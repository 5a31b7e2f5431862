using System.ComponentModel.DataAnnotations;

namespace Integration.Sandbox.Hosting;

/// <summary>The <c>Sandbox:Clock</c> section: when an advance runs in the background, and its lease.</summary>
public sealed class SandboxClockOptions
{
    /// <summary>An advance with more order steps due than this answers 202 and runs in the background; up to it, 200 as it runs.</summary>
    [Range(0, int.MaxValue)]
    public int AsynchronousAbove { get; set; } = 1_000;

    /// <summary>How long an instance holds a running advance without renewing; after it, another instance takes it over.</summary>
    public TimeSpan AdvanceLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What a request refused during an advance is told to wait (<c>Retry-After</c>, seconds).</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 2;

    public bool RunAdvancesInBackground { get; set; } = true;
}

using System.ComponentModel.DataAnnotations;

namespace Integration.Sandbox.Hosting;

/// <summary>The <c>Sandbox</c> section (docs/operations.md › Sandbox).</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Loopback port of the simulated bank gateway and carrier; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int SimulatorPort { get; set; }

    /// <summary>How orders move on when a partner advances its sandbox clock.</summary>
    public OrderSchedule Orders { get; set; } = new();

    /// <summary>Asynchronous clock advances (docs/sandbox.md › Asynchronous advances).</summary>
    public SandboxClockOptions Clock { get; set; } = new();
    /// <summary>
    /// Order steps a clock advance writes in one transaction (docs/operations.md › Sandbox). 1 writes each step in a
    /// transaction of its own, as the clock did before batching: slower, for comparing the two.
    /// </summary>
    [Range(1, 100_000)]
    public int AdvanceBatchSize { get; set; } = 1_000;

    /// <summary>Seed a partner's sandbox when its first sandbox credential is issued; when off, it is seeded on its first sandbox call.</summary>
    public bool SeedOnFirstCredential { get; set; } = true;

    [Range(1, 1000)]
    public int MaxSnapshots { get; set; } = 20;

    /// <summary>Sandboxes nobody used for this long are purged (their data and snapshots; the next request seeds them afresh).</summary>
    public TimeSpan PurgeUnusedAfter { get; set; } = TimeSpan.FromDays(90);

    public bool PurgeInBackground { get; set; } = true;
}

/// <summary>Time from one order status to the next on the sandbox clock.</summary>
public sealed class OrderSchedule
{
    /// <summary>pending → confirmed, and awaiting_payment → confirmed (the prepayment arrives), after the order was placed.</summary>
    public TimeSpan ConfirmAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>confirmed → shipped.</summary>
    public TimeSpan ShipAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>shipped → delivered, once the carrier reports the parcel delivered.</summary>
    public TimeSpan DeliverAfter { get; set; } = TimeSpan.FromDays(3);

    public string Carrier { get; set; } = "SBX Express";
}

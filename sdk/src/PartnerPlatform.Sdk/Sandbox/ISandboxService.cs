namespace PartnerPlatform.Sdk.Sandbox;

/// <summary>
/// Your sandbox's controls (sandbox credentials only; live ones get 404): <c>client.Sandbox</c>.
/// Reset it, save and restore snapshots, move its clock forward, switch the simulated bank gateway
/// and carrier into failure modes, and do what internal teams do in live (<see cref="Actions"/>).
/// </summary>
public interface ISandboxService
{
    /// <summary>What internal teams do in live, done by you in the sandbox: move orders, record subsidies and payments, retry payouts.</summary>
    ISandboxActions Actions { get; }

    /// <summary>Your sandbox: clock, simulator modes, seeded peers.</summary>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<SandboxResponse> GetAsync(RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Back to the seed: data, clock (now) and simulators (healthy).</summary>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<SandboxResponse> ResetAsync(RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Your sandbox clock.</summary>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<ClockResponse> GetClockAsync(RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the clock forward by <paramref name="by"/> (whole seconds, at most 731 days) and runs what falls due meanwhile.
    /// A large advance runs in the background on the platform (202): this waits for it, reading its progress,
    /// and returns what ran; one that fails throws <see cref="PartnerApiException"/> with its problem code.
    /// </summary>
    /// <param name="by">How far, e.g. <c>TimeSpan.FromDays(35)</c>.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<AdvanceClockResponse> AdvanceClockAsync(TimeSpan by, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Moves the clock forward to <paramref name="to"/> and runs what falls due meanwhile; waits for a large advance as <see cref="AdvanceClockAsync"/> does.</summary>
    /// <param name="to">A time after the sandbox clock's current time.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<AdvanceClockResponse> AdvanceClockToAsync(DateTimeOffset to, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>A background clock advance: status (<c>advancing</c>, <c>ready</c>, <c>failed</c>), progress, and what ran once ready.</summary>
    /// <param name="id">The advance's id (the <c>Location</c> of a 202 advance).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<ClockAdvanceResponse> GetClockAdvanceAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Saves the sandbox's current state.</summary>
    /// <param name="name">Your label for it.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<SnapshotResponse> CreateSnapshotAsync(string? name = null, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Your snapshots, newest first, across all pages.</summary>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<SnapshotResponse> ListSnapshotsAutoPagingAsync(RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Returns the sandbox to a snapshot: its data and its clock.</summary>
    /// <param name="snapshotId">The snapshot's id (<c>snap_…</c>).</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<SandboxResponse> RestoreSnapshotAsync(string snapshotId, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a snapshot.</summary>
    /// <param name="snapshotId">The snapshot's id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task DeleteSnapshotAsync(string snapshotId, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Switches a simulator into a mode for your sandbox.</summary>
    /// <param name="simulator"><see cref="SandboxService.BankGateway"/> or <see cref="SandboxService.Carrier"/>.</param>
    /// <param name="mode">The bank gateway has all four modes; the carrier is healthy or failing.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<SimulatorResponse> SetSimulatorModeAsync(string simulator, SimulatorMode mode, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The calls your sandbox made to a simulator, oldest first, across all pages.</summary>
    /// <param name="simulator"><see cref="SandboxService.BankGateway"/> or <see cref="SandboxService.Carrier"/>.</param>
    /// <param name="options">Per-call settings (extra headers, a timeout), for every page request.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    IAsyncEnumerable<SimulatorRequestResponse> ListSimulatorRequestsAutoPagingAsync(string simulator, RequestOptions? options = null, CancellationToken cancellationToken = default);
}

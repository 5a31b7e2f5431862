using System.Globalization;
using PartnerPlatform.Sdk.Http;

namespace PartnerPlatform.Sdk;

/// <summary>
/// Your sandbox's controls (sandbox credentials only; live ones get 404): <c>client.Sandbox</c>.
/// Reset it, save and restore snapshots, move its clock forward, switch the simulated bank gateway
/// and carrier into failure modes, and do what internal teams do in live (<see cref="Actions"/>).
/// </summary>
public sealed class SandboxService
{
    private readonly SandboxClient _api;

    internal SandboxService(HttpClient http)
    {
        _api = new SandboxClient(http) { ReadResponseAsString = true };
        Actions = new SandboxActions(_api);
    }

    /// <summary>What internal teams do in live, done by you in the sandbox: move orders, record subsidies and payments, retry payouts.</summary>
    public SandboxActions Actions { get; }

    /// <summary>Your sandbox: clock, simulator modes, seeded peers.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<SandboxResponse> GetAsync(CancellationToken cancellationToken = default) => _api.GetSandboxAsync(cancellationToken);

    /// <summary>Back to the seed: data, clock (now) and simulators (healthy).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<SandboxResponse> ResetAsync(CancellationToken cancellationToken = default) => _api.ResetSandboxAsync(cancellationToken);

    /// <summary>Your sandbox clock.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<ClockResponse> GetClockAsync(CancellationToken cancellationToken = default) => _api.GetSandboxClockAsync(cancellationToken);

    /// <summary>Moves the clock forward by <paramref name="by"/> (whole seconds, at most 731 days) and runs what falls due meanwhile.</summary>
    /// <param name="by">How far, e.g. <c>TimeSpan.FromDays(35)</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<AdvanceClockResponse> AdvanceClockAsync(TimeSpan by, CancellationToken cancellationToken = default) =>
        _api.AdvanceSandboxClockAsync(new AdvanceClockRequest { By = IsoDuration(by) }, cancellationToken);

    /// <summary>Moves the clock forward to <paramref name="to"/> and runs what falls due meanwhile.</summary>
    /// <param name="to">A time after the sandbox clock's current time.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<AdvanceClockResponse> AdvanceClockToAsync(DateTimeOffset to, CancellationToken cancellationToken = default) =>
        _api.AdvanceSandboxClockAsync(new AdvanceClockRequest { To = to }, cancellationToken);

    /// <summary>Saves the sandbox's current state.</summary>
    /// <param name="name">Your label for it.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<SnapshotResponse> CreateSnapshotAsync(string? name = null, CancellationToken cancellationToken = default) =>
        _api.CreateSandboxSnapshotAsync(new CreateSnapshotRequest { Name = name }, cancellationToken);

    /// <summary>Your snapshots, newest first, across all pages.</summary>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<SnapshotResponse> ListSnapshotsAutoPagingAsync(CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<SnapshotResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListSandboxSnapshotsAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <summary>Returns the sandbox to a snapshot: its data and its clock.</summary>
    /// <param name="snapshotId">The snapshot's id (<c>snap_…</c>).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<SandboxResponse> RestoreSnapshotAsync(string snapshotId, CancellationToken cancellationToken = default) =>
        _api.RestoreSandboxSnapshotAsync(snapshotId, cancellationToken);

    /// <summary>Deletes a snapshot.</summary>
    /// <param name="snapshotId">The snapshot's id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken = default) => _api.DeleteSandboxSnapshotAsync(snapshotId, cancellationToken);

    /// <summary>Switches a simulator into a mode for your sandbox.</summary>
    /// <param name="simulator"><see cref="BankGateway"/> or <see cref="Carrier"/>.</param>
    /// <param name="mode">The bank gateway has all four modes; the carrier is healthy or failing.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<SimulatorResponse> SetSimulatorModeAsync(string simulator, SimulatorMode mode, CancellationToken cancellationToken = default) =>
        _api.SetSandboxSimulatorModeAsync(simulator, new SetSimulatorModeRequest { Mode = mode }, cancellationToken);

    /// <summary>The calls your sandbox made to a simulator, oldest first, across all pages.</summary>
    /// <param name="simulator"><see cref="BankGateway"/> or <see cref="Carrier"/>.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    public IAsyncEnumerable<SimulatorRequestResponse> ListSimulatorRequestsAutoPagingAsync(string simulator, CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<SimulatorRequestResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListSandboxSimulatorRequestsAsync(simulator, 100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <summary>The simulated bank gateway, which pays your sandbox's payouts.</summary>
    public const string BankGateway = "bank-gateway";

    /// <summary>The simulated carrier, whose tracking decides when shipped orders are delivered.</summary>
    public const string Carrier = "carrier";

    // ISO 8601 in days and seconds (P1DT30S): exact, unlike months and years, which the API refuses.
    private static string IsoDuration(TimeSpan value)
    {
        var seconds = (long)value.TotalSeconds;
        if (seconds <= 0 || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The sandbox clock moves forward in whole seconds.");
        }
        var (days, rest) = (seconds / 86_400, seconds % 86_400);
        return "P" + (days > 0 ? days.ToString(CultureInfo.InvariantCulture) + "D" : "") + (rest > 0 ? "T" + rest.ToString(CultureInfo.InvariantCulture) + "S" : "");
    }
}

/// <summary>What internal teams do in live, done by you in your sandbox: <c>client.Sandbox.Actions</c>.</summary>
public sealed class SandboxActions
{
    private readonly SandboxClient _api;

    internal SandboxActions(SandboxClient api) => _api = api;

    /// <summary>pending → confirmed; reserves brand stock (SKU SBX-OUT-OF-STOCK: 409 insufficient_stock).</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<OrderV2> ConfirmOrderAsync(string orderId, CancellationToken cancellationToken = default) => _api.SandboxConfirmOrderAsync(orderId, cancellationToken);

    /// <summary>awaiting_payment → confirmed, as if the prepayment arrived (references starting SBX-FAIL-PAYMENT: 422 prepayment_failed).</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<OrderV2> RecordPrepaymentAsync(string orderId, CancellationToken cancellationToken = default) =>
        _api.SandboxRecordOrderPrepaymentAsync(orderId, cancellationToken);

    /// <summary>confirmed → shipped, with the simulated carrier unless you name one.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="carrier">The carrier's name, or null for the simulated one.</param>
    /// <param name="trackingNumber">The tracking number, or null for one the simulated carrier knows.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<OrderV2> ShipOrderAsync(string orderId, string? carrier = null, string? trackingNumber = null, CancellationToken cancellationToken = default) =>
        _api.SandboxShipOrderAsync(orderId, new SandboxShipRequest { Carrier = carrier, TrackingNumber = trackingNumber }, cancellationToken);

    /// <summary>shipped → delivered.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<OrderV2> DeliverOrderAsync(string orderId, CancellationToken cancellationToken = default) => _api.SandboxDeliverOrderAsync(orderId, cancellationToken);

    /// <summary>delivered → returned (within 30 days of delivery).</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<OrderV2> ReturnOrderAsync(string orderId, CancellationToken cancellationToken = default) => _api.SandboxReturnOrderAsync(orderId, cancellationToken);

    /// <summary>Cancels the order as the brand would; releases reserved stock.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<OrderV2> CancelOrderAsync(string orderId, CancellationToken cancellationToken = default) => _api.SandboxCancelOrderAsync(orderId, cancellationToken);

    /// <summary>Records an approved activity: 50% of its cost (at most 50,000) is credited on this month's statement.</summary>
    /// <param name="eventName">The activity.</param>
    /// <param name="cost">Its approved cost.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<SubsidyResponse> RecordActivitySubsidyAsync(string eventName, decimal cost, CancellationToken cancellationToken = default) =>
        _api.SandboxRecordActivitySubsidyAsync(new SandboxSubsidyRequestV2 { EventName = eventName, Cost = WireMoney.Of(cost) }, cancellationToken);

    /// <summary>Records your payment of a statement's amount due; settles it once all of it is in.</summary>
    /// <param name="statementId">The statement's id.</param>
    /// <param name="amount">The amount paid.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<StatementResponse> RecordStatementPaymentAsync(string statementId, decimal amount, CancellationToken cancellationToken = default) =>
        _api.SandboxRecordStatementPaymentAsync(statementId, new SandboxPaymentRequestV2 { Amount = WireMoney.Of(amount) }, cancellationToken);

    /// <summary>Resolves one of your disputes as the brand's handler would; a level-3 dispute's freeze ends.</summary>
    /// <param name="disputeId">The dispute's id.</param>
    /// <param name="outcome"><see cref="DisputeStatus.Accepted"/> or <see cref="DisputeStatus.Rejected"/>.</param>
    /// <param name="note">The resolution, as the handler would write it.</param>
    /// <param name="adjustment">For an accepted dispute: the credit (positive) or debit (negative) on this month's statement.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<DisputeResponse> ResolveDisputeAsync(
        string disputeId, DisputeStatus outcome, string note, decimal? adjustment = null, CancellationToken cancellationToken = default) =>
        _api.SandboxResolveDisputeAsync(disputeId, new ResolveDisputeRequestV2 { Outcome = outcome, Note = note, Adjustment = adjustment is { } a ? WireMoney.Of(a) : null }, cancellationToken);

    /// <summary>Sends a payout that needs attention again at the next clock advance.</summary>
    /// <param name="payoutId">The payout's id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<PayoutResponse> RetryPayoutAsync(string payoutId, CancellationToken cancellationToken = default) => _api.SandboxRetryPayoutAsync(payoutId, cancellationToken);
}

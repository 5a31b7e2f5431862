using System.Globalization;

namespace PartnerPlatform.Sdk;

/// <inheritdoc cref="ISandboxService" />
public sealed class SandboxService : ISandboxService
{
    private readonly SandboxClient _api;

    internal SandboxService(HttpClient http)
    {
        _api = new SandboxClient(http) { ReadResponseAsString = true };
        Actions = new SandboxActions(_api);
    }

    /// <inheritdoc />
    public ISandboxActions Actions { get; }

    /// <inheritdoc />
    public Task<SandboxResponse> GetAsync(CancellationToken cancellationToken = default) => _api.GetSandboxAsync(cancellationToken);

    /// <inheritdoc />
    public Task<SandboxResponse> ResetAsync(CancellationToken cancellationToken = default) => _api.ResetSandboxAsync(cancellationToken);

    /// <inheritdoc />
    public Task<ClockResponse> GetClockAsync(CancellationToken cancellationToken = default) => _api.GetSandboxClockAsync(cancellationToken);

    /// <inheritdoc />
    public Task<AdvanceClockResponse> AdvanceClockAsync(TimeSpan by, CancellationToken cancellationToken = default) =>
        _api.AdvanceSandboxClockAsync(new AdvanceClockRequest { By = IsoDuration(by) }, cancellationToken);

    /// <inheritdoc />
    public Task<AdvanceClockResponse> AdvanceClockToAsync(DateTimeOffset to, CancellationToken cancellationToken = default) =>
        _api.AdvanceSandboxClockAsync(new AdvanceClockRequest { To = to }, cancellationToken);

    /// <inheritdoc />
    public Task<SnapshotResponse> CreateSnapshotAsync(string? name = null, CancellationToken cancellationToken = default) =>
        _api.CreateSandboxSnapshotAsync(new CreateSnapshotRequest { Name = name }, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<SnapshotResponse> ListSnapshotsAutoPagingAsync(CancellationToken cancellationToken = default) =>
        AutoPaging.ListAsync<SnapshotResponse>(async (cursor, ct) =>
        {
            var page = await _api.ListSandboxSnapshotsAsync(100, cursor, ct).ConfigureAwait(false);
            return (page.Data, page.NextCursor);
        }, null, cancellationToken);

    /// <inheritdoc />
    public Task<SandboxResponse> RestoreSnapshotAsync(string snapshotId, CancellationToken cancellationToken = default) =>
        _api.RestoreSandboxSnapshotAsync(snapshotId, cancellationToken);

    /// <inheritdoc />
    public Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken = default) => _api.DeleteSandboxSnapshotAsync(snapshotId, cancellationToken);

    /// <inheritdoc />
    public Task<SimulatorResponse> SetSimulatorModeAsync(string simulator, SimulatorMode mode, CancellationToken cancellationToken = default) =>
        _api.SetSandboxSimulatorModeAsync(simulator, new SetSimulatorModeRequest { Mode = mode }, cancellationToken);

    /// <inheritdoc />
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

/// <inheritdoc cref="ISandboxActions" />
public sealed class SandboxActions : ISandboxActions
{
    private readonly SandboxClient _api;

    internal SandboxActions(SandboxClient api) => _api = api;

    /// <inheritdoc />
    public Task<OrderV2> ConfirmOrderAsync(string orderId, CancellationToken cancellationToken = default) => _api.SandboxConfirmOrderAsync(orderId, cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> RecordPrepaymentAsync(string orderId, CancellationToken cancellationToken = default) =>
        _api.SandboxRecordOrderPrepaymentAsync(orderId, cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> ShipOrderAsync(string orderId, string? carrier = null, string? trackingNumber = null, CancellationToken cancellationToken = default) =>
        _api.SandboxShipOrderAsync(orderId, new SandboxShipRequest { Carrier = carrier, TrackingNumber = trackingNumber }, cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> DeliverOrderAsync(string orderId, CancellationToken cancellationToken = default) => _api.SandboxDeliverOrderAsync(orderId, cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> ReturnOrderAsync(string orderId, CancellationToken cancellationToken = default) => _api.SandboxReturnOrderAsync(orderId, cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> CancelOrderAsync(string orderId, CancellationToken cancellationToken = default) => _api.SandboxCancelOrderAsync(orderId, cancellationToken);

    /// <inheritdoc />
    public Task<SubsidyResponse> RecordActivitySubsidyAsync(string eventName, decimal cost, CancellationToken cancellationToken = default) =>
        _api.SandboxRecordActivitySubsidyAsync(new SandboxSubsidyRequest { EventName = eventName, Cost = cost }, cancellationToken);

    /// <inheritdoc />
    public Task<StatementResponse> RecordStatementPaymentAsync(string statementId, decimal amount, CancellationToken cancellationToken = default) =>
        _api.SandboxRecordStatementPaymentAsync(statementId, new RecordPaymentRequest { Amount = amount }, cancellationToken);

    /// <inheritdoc />
    public Task<DisputeResponse> ResolveDisputeAsync(
        string disputeId, DisputeStatus outcome, string note, decimal? adjustment = null, CancellationToken cancellationToken = default) =>
        _api.SandboxResolveDisputeAsync(disputeId, new ResolveDisputeRequest { Outcome = outcome, Note = note, Adjustment = adjustment }, cancellationToken);

    /// <inheritdoc />
    public Task<PayoutResponse> RetryPayoutAsync(string payoutId, CancellationToken cancellationToken = default) => _api.SandboxRetryPayoutAsync(payoutId, cancellationToken);
}

using PartnerPlatform.Sdk.Http;
using PartnerPlatform.Sdk.Orders;
using PartnerPlatform.Sdk.Settlement;

namespace PartnerPlatform.Sdk.Sandbox;

/// <inheritdoc cref="ISandboxActions" />
public sealed class SandboxActions : ISandboxActions
{
    private readonly SandboxClient _api;

    internal SandboxActions(SandboxClient api) => _api = api;

    /// <inheritdoc />
    public Task<OrderV2> ConfirmOrderAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.SandboxConfirmOrderAsync(orderId, ct), cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> RecordPrepaymentAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.SandboxRecordOrderPrepaymentAsync(orderId, ct), cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> ShipOrderAsync(string orderId, string? carrier = null, string? trackingNumber = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.SandboxShipOrderAsync(orderId, new SandboxShipRequest { Carrier = carrier, TrackingNumber = trackingNumber }, ct), cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> DeliverOrderAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.SandboxDeliverOrderAsync(orderId, ct), cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> ReturnOrderAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.SandboxReturnOrderAsync(orderId, ct), cancellationToken);

    /// <inheritdoc />
    public Task<OrderV2> CancelOrderAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.SandboxCancelOrderAsync(orderId, ct), cancellationToken);

    /// <inheritdoc />
    public Task<SubsidyResponse> RecordActivitySubsidyAsync(string eventName, decimal cost, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.SandboxRecordActivitySubsidyAsync(new SandboxSubsidyRequestV2 { EventName = eventName, Cost = cost }, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StatementResponse> RecordStatementPaymentAsync(string statementId, decimal amount, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.SandboxRecordStatementPaymentAsync(statementId, new SandboxPaymentRequestV2 { Amount = amount }, ct), cancellationToken);

    /// <inheritdoc />
    public Task<DisputeResponse> ResolveDisputeAsync(
        string disputeId, DisputeStatus outcome, string note, decimal? adjustment = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Call.SendAsync(options, ct => _api.SandboxResolveDisputeAsync(disputeId,
            new ResolveDisputeRequestV2 { Outcome = outcome, Note = note, Adjustment = adjustment }, ct), cancellationToken);

    /// <inheritdoc />
    public Task<PayoutResponse> RetryPayoutAsync(string payoutId, RequestOptions? options = null, CancellationToken cancellationToken = default) => Call.SendAsync(options, ct => _api.SandboxRetryPayoutAsync(payoutId, ct), cancellationToken);
}

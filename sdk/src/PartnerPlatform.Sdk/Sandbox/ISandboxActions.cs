using PartnerPlatform.Sdk.Orders;
using PartnerPlatform.Sdk.Settlement;

namespace PartnerPlatform.Sdk.Sandbox;

/// <summary>What internal teams do in live, done by you in your sandbox: <c>client.Sandbox.Actions</c>.</summary>
public interface ISandboxActions
{
    /// <summary>pending → confirmed; reserves brand stock (SKU SBX-OUT-OF-STOCK: 409 insufficient_stock).</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2> ConfirmOrderAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>awaiting_payment → confirmed, as if the prepayment arrived (references starting SBX-FAIL-PAYMENT: 422 prepayment_failed).</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2> RecordPrepaymentAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>confirmed → shipped, with the simulated carrier unless you name one.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="carrier">The carrier's name, or null for the simulated one.</param>
    /// <param name="trackingNumber">The tracking number, or null for one the simulated carrier knows.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2> ShipOrderAsync(string orderId, string? carrier = null, string? trackingNumber = null, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>shipped → delivered.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2> DeliverOrderAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>delivered → returned (within 30 days of delivery).</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2> ReturnOrderAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Cancels the order as the brand would; releases reserved stock.</summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<OrderV2> CancelOrderAsync(string orderId, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Records an approved activity: 50% of its cost (at most 50,000) is credited on this month's statement.</summary>
    /// <param name="eventName">The activity.</param>
    /// <param name="cost">Its approved cost.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<SubsidyResponse> RecordActivitySubsidyAsync(string eventName, decimal cost, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Records your payment of a statement's amount due; settles it once all of it is in.</summary>
    /// <param name="statementId">The statement's id.</param>
    /// <param name="amount">The amount paid.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<StatementResponse> RecordStatementPaymentAsync(string statementId, decimal amount, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Resolves one of your disputes as the brand's handler would; a level-3 dispute's freeze ends.</summary>
    /// <param name="disputeId">The dispute's id.</param>
    /// <param name="outcome"><see cref="DisputeStatus.Accepted"/> or <see cref="DisputeStatus.Rejected"/>.</param>
    /// <param name="note">The resolution, as the handler would write it.</param>
    /// <param name="adjustment">For an accepted dispute: the credit (positive) or debit (negative) on this month's statement.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<DisputeResponse> ResolveDisputeAsync(
        string disputeId, DisputeStatus outcome, string note, decimal? adjustment = null, RequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a payout that needs attention again at the next clock advance.</summary>
    /// <param name="payoutId">The payout's id.</param>
    /// <param name="options">Per-call settings: extra headers, a timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<PayoutResponse> RetryPayoutAsync(string payoutId, RequestOptions? options = null, CancellationToken cancellationToken = default);
}

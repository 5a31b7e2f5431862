using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Disputes;
using Integration.Application.Disputes;
using Integration.Api.Orders;
using Integration.Application.Orders;
using Integration.Api.Settlement;
using Integration.Application.Settlement;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Orders;
using Integration.Core.Sandbox;
using Integration.Sandbox.Scenarios;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Integration.Sandbox.Clocks;
using Integration.Sandbox.Hosting;

namespace Integration.Api.Sandbox;

/// <summary>
/// What internal teams do to orders in live, done by you in your sandbox: confirm, record the
/// prepayment, ship, deliver, return, cancel. The same rules apply (illegal moves are 409
/// <c>invalid_transition</c>, short stock 409 <c>insufficient_stock</c>); answers are v2 orders.
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/sandbox/actions")]
[Tags("Sandbox")]
[PartnerAccess]
[SandboxOnly]
public sealed class SandboxActionsController(
    OrderBook orders, SettlementDesk settlement, Statements statements, DisputeDesk disputes, BusinessClock clock, IOptions<SandboxOptions> options)
    : ControllerBase
{
    private string Actor => $"sandbox:{HttpContext.RequirePartnerCaller().ClientId}";

    /// <summary>pending → confirmed; reserves brand stock.</summary>
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [HttpPost("orders/{id}/confirm", Name = "SandboxConfirmOrder")]
    [ProblemResponses(404, 409)]
    public Task<OrderV2> Confirm(string id, CancellationToken cancellationToken) => Move(id, OrderStatus.Pending, OrderStatus.Confirmed, null, cancellationToken);

    /// <summary>awaiting_payment → confirmed, as if the prepayment arrived. References starting SBX-FAIL-PAYMENT: 422 prepayment_failed.</summary>
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [HttpPost("orders/{id}/record-prepayment", Name = "SandboxRecordOrderPrepayment")]
    [ProblemResponses(404, 409, 422)]
    public Task<OrderV2> RecordPrepayment(string id, CancellationToken cancellationToken) =>
        Move(id, OrderStatus.AwaitingPayment, OrderStatus.Confirmed, SandboxActions.EnsurePrepaymentArrives, cancellationToken);

    /// <summary>confirmed → shipped; carrier and tracking number default to the simulated carrier's.</summary>
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [HttpPost("orders/{id}/ship", Name = "SandboxShipOrder")]
    [ProblemResponses(404, 409)]
    public Task<OrderV2> Ship(string id, SandboxShipRequest? request, CancellationToken cancellationToken) =>
        Move(id, null, OrderStatus.Shipped, order => order.RecordShipment(
            request?.Carrier ?? options.Value.Orders.Carrier, request?.TrackingNumber ?? SandboxTimeMachine.TrackingNumberOf(order)), cancellationToken);

    /// <summary>shipped → delivered.</summary>
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [HttpPost("orders/{id}/deliver", Name = "SandboxDeliverOrder")]
    [ProblemResponses(404, 409)]
    public Task<OrderV2> Deliver(string id, CancellationToken cancellationToken) => Move(id, null, OrderStatus.Delivered, null, cancellationToken);

    /// <summary>delivered → returned, within 30 days of delivery.</summary>
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [HttpPost("orders/{id}/return", Name = "SandboxReturnOrder")]
    [ProblemResponses(404, 409)]
    public Task<OrderV2> Return(string id, CancellationToken cancellationToken) => Move(id, null, OrderStatus.Returned, null, cancellationToken);

    /// <summary>pending, awaiting_payment or confirmed → cancelled by the brand; releases reserved stock.</summary>
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [HttpPost("orders/{id}/cancel", Name = "SandboxCancelOrder")]
    [ProblemResponses(404, 409)]
    public Task<OrderV2> Cancel(string id, CancellationToken cancellationToken) => Move(id, null, OrderStatus.Cancelled, null, cancellationToken);

    /// <summary>Records an approved marketing activity, as internal teams do in live: 50% of its cost (at most 50,000) is credited on this month's statement.</summary>
    [HttpPost("activity-subsidies", Name = "SandboxRecordActivitySubsidy")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.SettlementsRead)]
    [ProblemResponses(422)]
    [ProducesResponseType<SubsidyResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> RecordSubsidy(SandboxSubsidyRequest request, CancellationToken cancellationToken) =>
        RecordSubsidyAsync(request.EventName, request.Cost, cancellationToken);

    /// <summary>Records an approved marketing activity, as internal teams do in live: 50% of its cost (at most 50,000) is credited on this month's statement. The cost is a decimal string.</summary>
    [HttpPost("activity-subsidies", Name = "SandboxRecordActivitySubsidyV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.SettlementsRead)]
    [ProblemResponses(422)]
    [ProducesResponseType<SubsidyResponse>(StatusCodes.Status201Created)]
    public Task<IActionResult> RecordSubsidyV2(SandboxSubsidyRequestV2 request, CancellationToken cancellationToken) =>
        RecordSubsidyAsync(request.EventName, request.Cost, cancellationToken);

    private async Task<IActionResult> RecordSubsidyAsync(string eventName, decimal cost, CancellationToken cancellationToken)
    {
        var subsidy = await settlement.RecordSubsidyAsync(HttpContext.RequirePartnerCaller().PartnerId!,
            new RecordSubsidyRequest { Environment = ApiEnvironment.Sandbox, EventName = eventName, Cost = cost }, Actor, cancellationToken);
        return StatusCode(StatusCodes.Status201Created, SubsidyResponse.Of(subsidy));
    }

    /// <summary>Records your payment of a statement's amount due, as the brand's finance team does when the money arrives; settles it once all of it is in.</summary>
    [HttpPost("settlements/{id}/record-payment", Name = "SandboxRecordStatementPayment")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.SettlementsRead)]
    [ProblemResponses(404, 409, 422)]
    public Task<StatementResponse> RecordPayment(string id, RecordPaymentRequest request, CancellationToken cancellationToken) =>
        RecordPaymentAsync(id, request.Amount, cancellationToken);

    /// <summary>Records your payment of a statement's amount due, as the brand's finance team does when the money arrives; settles it once all of it is in. The amount is a decimal string.</summary>
    [HttpPost("settlements/{id}/record-payment", Name = "SandboxRecordStatementPaymentV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.SettlementsRead)]
    [ProblemResponses(404, 409, 422)]
    public Task<StatementResponse> RecordPaymentV2(string id, SandboxPaymentRequestV2 request, CancellationToken cancellationToken) =>
        RecordPaymentAsync(id, request.Amount, cancellationToken);

    private async Task<StatementResponse> RecordPaymentAsync(string id, decimal amount, CancellationToken cancellationToken)
    {
        var caller = HttpContext.RequirePartnerCaller();
        var statement = await settlement.RecordPaymentAsync(id, amount, Actor, cancellationToken);
        var view = await statements.GetAsync(caller.PartnerId!, ApiEnvironment.Sandbox, statement.Id, cancellationToken);
        return StatementResponse.Closed(view.Closed!, view.Payouts,
            Url.Link("ListSettlementOrders", new { id = statement.Id, version = RouteData.Values["version"] })!);
    }

    /// <summary>Sends a payout that needs attention again, as internal teams do in live once the cause is fixed; the next clock advance sends it.</summary>
    [HttpPost("payouts/{id}/retry", Name = "SandboxRetryPayout")]
    [PartnerAccess(ApiScopes.SettlementsRead)]
    [ProblemResponses(404, 409)]
    public async Task<PayoutResponse> RetryPayout(string id, CancellationToken cancellationToken) =>
        PayoutResponse.Of(await settlement.RetryPayoutAsync(id, Actor, cancellationToken));

    /// <summary>Resolves one of your disputes as the brand's handler would: accepted (with an adjustment on this month's statement) or rejected. A level-3 dispute's freeze ends.</summary>
    [HttpPost("disputes/{id}/resolve", Name = "SandboxResolveDispute")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.DisputesWrite)]
    [ProblemResponses(404, 409, 422)]
    public Task<DisputeResponse> ResolveDispute(string id, ResolveDisputeRequest request, CancellationToken cancellationToken) =>
        ResolveDisputeAsync(id, request, cancellationToken);

    /// <summary>Resolves one of your disputes as the brand's handler would: accepted (with an adjustment on this month's statement) or rejected. A level-3 dispute's freeze ends. The adjustment is a decimal string.</summary>
    [HttpPost("disputes/{id}/resolve", Name = "SandboxResolveDisputeV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.DisputesWrite)]
    [ProblemResponses(404, 409, 422)]
    public Task<DisputeResponse> ResolveDisputeV2(string id, ResolveDisputeRequestV2 request, CancellationToken cancellationToken) =>
        ResolveDisputeAsync(id, request.AsShared(), cancellationToken);

    private async Task<DisputeResponse> ResolveDisputeAsync(string id, ResolveDisputeRequest request, CancellationToken cancellationToken) =>
        DisputeResponse.Of(await disputes.ResolveAsync(id, request, Actor, cancellationToken), clock.GetUtcNow());

    private async Task<OrderV2> Move(string id, OrderStatus? from, OrderStatus to, Action<Order>? beforeSave, CancellationToken cancellationToken)
    {
        var order = await orders.MoveByBrandAsync(id, from, to, Actor, beforeSave, null, cancellationToken);
        Hosting.ETags.Set(HttpContext, order.Version);
        return OrderV2.From(order);
    }
}

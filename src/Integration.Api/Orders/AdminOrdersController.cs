using Integration.Core.Credentials;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Hosting;
using Integration.Api.OAuth;
using Integration.Core.Common;
using Integration.Core.Orders;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Orders;

namespace Integration.Api.Orders;

/// <summary>What internal teams do to orders: confirm, record prepayment, ship, deliver, return, cancel.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/orders/{id}")]
public sealed class AdminOrdersController(OrderBook orders) : ControllerBase
{
    /// <summary>Reads any partner's order.</summary>
    [HttpGet(Name = "GetOrderAdmin")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<OrderV2> Get(string id, CancellationToken cancellationToken) => Shown(await orders.GetAsync(id, cancellationToken));

    /// <summary>pending → confirmed; reserves brand stock (409 insufficient_stock and nothing changes if short).</summary>
    [HttpPost("confirm", Name = "ConfirmOrder")]
    [AdminAccess(AdminPermission.OrdersOperate)]
    [ProblemResponses(409, 422)]
    public Task<OrderV2> Confirm(string id, CancellationToken cancellationToken) => Move(id, OrderStatus.Pending, OrderStatus.Confirmed, null, null, cancellationToken);

    /// <summary>awaiting_payment → confirmed once a rating-C partner's prepayment arrived; reserves brand stock.</summary>
    [HttpPost("record-prepayment", Name = "RecordOrderPrepayment")]
    [AdminAccess(AdminPermission.PaymentsRecord)]
    [ProblemResponses(409, 422)]
    public Task<OrderV2> RecordPrepayment(string id, RecordPrepaymentRequest request, CancellationToken cancellationToken) =>
        Move(id, OrderStatus.AwaitingPayment, OrderStatus.Confirmed, order =>
        {
            if (order.Total != request.Amount)
            {
                throw new DomainException(ErrorKind.Unprocessable, "prepayment_mismatch",
                    $"The prepayment {request.Amount:0.00} does not match the order total {order.Total:0.00}.");
            }
        }, request, cancellationToken);

    /// <summary>confirmed → shipped with carrier and tracking number; consumes the reserved stock.</summary>
    [HttpPost("ship", Name = "ShipOrder")]
    [AdminAccess(AdminPermission.OrdersOperate)]
    [ProblemResponses(409, 422)]
    public Task<OrderV2> Ship(string id, ShipOrderRequest request, CancellationToken cancellationToken) =>
        Move(id, null, OrderStatus.Shipped, order => order.RecordShipment(request.Carrier, request.TrackingNumber), request, cancellationToken);

    /// <summary>shipped → delivered. Delivered orders count towards the month's settlement.</summary>
    [HttpPost("deliver", Name = "DeliverOrder")]
    [AdminAccess(AdminPermission.OrdersOperate)]
    [ProblemResponses(409, 422)]
    public Task<OrderV2> Deliver(string id, CancellationToken cancellationToken) => Move(id, null, OrderStatus.Delivered, null, null, cancellationToken);

    /// <summary>delivered → returned, within 30 days of delivery.</summary>
    [HttpPost("return", Name = "ReturnOrder")]
    [AdminAccess(AdminPermission.OrdersOperate)]
    [ProblemResponses(409, 422)]
    public Task<OrderV2> Return(string id, CancellationToken cancellationToken) => Move(id, null, OrderStatus.Returned, null, null, cancellationToken);

    /// <summary>pending, awaiting_payment or confirmed → cancelled; releases reserved stock.</summary>
    [HttpPost("cancel", Name = "CancelOrderAdmin")]
    [AdminAccess(AdminPermission.OrdersOperate)]
    [ProblemResponses(409, 422)]
    public Task<OrderV2> Cancel(string id, CancellationToken cancellationToken) => Move(id, null, OrderStatus.Cancelled, null, null, cancellationToken);

    private async Task<OrderV2> Move(string id, OrderStatus? requiredFrom, OrderStatus target, Action<Order>? beforeSave, object? details, CancellationToken cancellationToken) =>
        Shown(await orders.MoveByBrandAsync(id, requiredFrom, target, HttpContext.GetCaller()!.ClientId, beforeSave, details, cancellationToken));

    private OrderV2 Shown(Order order)
    {
        ETags.Set(HttpContext, order.Version);
        return OrderV2.From(order);
    }
}

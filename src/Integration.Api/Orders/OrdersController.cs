using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Hosting;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Api.Observability;
using Integration.Application.Observability;
using Integration.Api.Paging;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Orders;

namespace Integration.Api.Orders;

/// <summary>
/// Orders. v1 (deprecated, see docs/versioning.md) gives money as JSON numbers with two decimals; v2 as decimal
/// strings with currency, and each line's discount. An action whose answer differs is written once per version; the events are the same in both.
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/orders")]
[Tags("Orders")]
public sealed class OrdersController(OrderBook orders, PlatformMetrics metrics) : ControllerBase
{
    /// <summary>Places an order, priced with your discount. Requires an Idempotency-Key; retries replay the first answer.</summary>
    [HttpPost(Name = "CreateOrder")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [Idempotent]
    [ProblemResponses(403, 409, 422)]
    [ProducesResponseType<OrderV1>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreateOrderRequest request, CancellationToken cancellationToken)
    {
        var order = await orders.PlaceAsync(HttpContext.RequirePartnerCaller(), request, cancellationToken);
        metrics.OrderCreated(order.Environment, "1");
        ETags.Set(HttpContext, order.Version);
        return Created(Url.Link("GetOrder", new { id = order.Id, version = "1" }), OrderV1.From(order));
    }

    /// <summary>Reads one of your orders. The ETag is what cancelling needs in If-Match.</summary>
    [HttpGet("{id}", Name = "GetOrder")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.OrdersRead)]
    public async Task<OrderV1> Get(string id, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(id, cancellationToken);
        ETags.Set(HttpContext, order.Version);
        return OrderV1.From(order);
    }

    /// <summary>Lists your orders, newest first, with optional filters.</summary>
    [HttpGet(Name = "ListOrders")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.OrdersRead)]
    public async Task<Page<OrderV1>> List([FromQuery] OrderFilter filter, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await orders.ListAsync(filter, page, cancellationToken)).ToPage(page, HttpContext, OrderBook.CursorOf, OrderV1.From);

    /// <summary>Cancels a pending, awaiting-payment or confirmed order. Requires If-Match with the order's ETag.</summary>
    /// <param name="id">The order's id.</param>
    /// <param name="ifMatch">The ETag of the order as you last read it (<c>"v3"</c>); required, checked against the current version.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpPost("{id}/cancel", Name = "CancelOrder")]
    [MapToApiVersion(1)]
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [Idempotent(required: false)]
    [ProblemResponses(409, 412, 422, 428)]
    public async Task<OrderV1> Cancel(string id, [FromHeader(Name = "If-Match"), StringLength(ContractLimits.IfMatch)] string? ifMatch, CancellationToken cancellationToken)
    {
        var order = await orders.CancelAsync(id, HttpContext.RequirePartnerCaller(), v => ETags.CheckIfMatch(HttpContext, v, required: true), cancellationToken);
        ETags.Set(HttpContext, order.Version);
        return OrderV1.From(order);
    }

    /// <summary>Every change of the order: who, when, from which status to which.</summary>
    [HttpGet("{id}/events", Name = "ListOrderEvents")]
    [PartnerAccess(ApiScopes.OrdersRead)]
    public async Task<Page<OrderEventResponse>> Events(string id, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await orders.EventsAsync(id, page, cancellationToken)).ToPage(page, HttpContext, OrderBook.CursorOf, OrderEventResponse.Of);

    /// <summary>Places an order, priced with your discount. Requires an Idempotency-Key; retries replay the first answer.</summary>
    [HttpPost(Name = "CreateOrderV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [Idempotent]
    [ProblemResponses(403, 409, 422)]
    [ProducesResponseType<OrderV2>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateV2(CreateOrderRequest request, CancellationToken cancellationToken)
    {
        var order = await orders.PlaceAsync(HttpContext.RequirePartnerCaller(), request, cancellationToken);
        metrics.OrderCreated(order.Environment, "2");
        ETags.Set(HttpContext, order.Version);
        return Created(Url.Link("GetOrderV2", new { id = order.Id, version = "2" }), OrderV2.From(order));
    }

    /// <summary>Reads one of your orders. The ETag is what cancelling needs in If-Match.</summary>
    [HttpGet("{id}", Name = "GetOrderV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.OrdersRead)]
    public async Task<OrderV2> GetV2(string id, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(id, cancellationToken);
        ETags.Set(HttpContext, order.Version);
        return OrderV2.From(order);
    }

    /// <summary>Lists your orders, newest first, with optional filters.</summary>
    [HttpGet(Name = "ListOrdersV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.OrdersRead)]
    public async Task<Page<OrderV2>> ListV2([FromQuery] OrderFilter filter, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await orders.ListAsync(filter, page, cancellationToken)).ToPage(page, HttpContext, OrderBook.CursorOf, OrderV2.From);

    /// <summary>Cancels a pending, awaiting-payment or confirmed order. Requires If-Match with the order's ETag.</summary>
    /// <param name="id">The order's id.</param>
    /// <param name="ifMatch">The ETag of the order as you last read it (<c>"v3"</c>); required, checked against the current version.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpPost("{id}/cancel", Name = "CancelOrderV2")]
    [MapToApiVersion(2)]
    [PartnerAccess(ApiScopes.OrdersWrite)]
    [Idempotent(required: false)]
    [ProblemResponses(409, 412, 422, 428)]
    public async Task<OrderV2> CancelV2(string id, [FromHeader(Name = "If-Match"), StringLength(ContractLimits.IfMatch)] string? ifMatch, CancellationToken cancellationToken)
    {
        var order = await orders.CancelAsync(id, HttpContext.RequirePartnerCaller(), v => ETags.CheckIfMatch(HttpContext, v, required: true), cancellationToken);
        ETags.Set(HttpContext, order.Version);
        return OrderV2.From(order);
    }
}

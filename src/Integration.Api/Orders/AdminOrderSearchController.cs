using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Hosting;
using Integration.Application.Orders;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Orders;

/// <summary>Finding orders across partners, for internal teams and their tools.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/orders")]
public sealed class AdminOrderSearchController(OrderBook orders) : ControllerBase
{
    /// <summary>
    /// Lists every partner's orders, newest first: narrow by partner, environment, status, your reference, and when they
    /// were created or changed. Each entry is a summary; read one order for its lines.
    /// </summary>
    /// <param name="partnerId">Only this partner's orders.</param>
    /// <param name="environment">Only the orders of this environment.</param>
    /// <param name="filter">Status, reference and time filters, as in a partner's own order list.</param>
    /// <param name="page">Page size and cursor.</param>
    /// <param name="cancellationToken">Ends the request when the caller goes away.</param>
    [HttpGet(Name = "ListOrdersAdmin")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<Page<AdminOrderSummary>> List(
        [FromQuery, Identifier, StringLength(ContractLimits.Id)] string? partnerId, [FromQuery] ApiEnvironment? environment,
        [FromQuery] OrderFilter filter, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await orders.SearchAsync(partnerId, environment, filter, page, cancellationToken)).ToPage(page, HttpContext, OrderBook.CursorOf, o => o);
}

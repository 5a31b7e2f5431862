using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Settlement;

namespace Integration.Api.Settlement;

/// <summary>
/// Your monthly statements: closed months as they were closed, the current month as a live preview.
/// Address a statement by its id (<c>stm_…</c>) or its month (<c>2026-03</c>).
/// </summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/settlements")]
[Tags("Settlements")]
[PartnerAccess(ApiScopes.SettlementsRead)]
public sealed class SettlementsController(Statements statements, StatementExport export) : ControllerBase
{
    /// <summary>Closed statements, newest month first. The open month is at <c>GET /settlements/{YYYY-MM}</c>.</summary>
    [HttpGet(Name = "ListSettlements")]
    public async Task<Page<StatementResponse>> List([FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var fetched = await statements.ListClosedAsync(page, cancellationToken);
        var payouts = (await statements.PayoutsOfAsync([.. fetched.Select(s => s.Id)], cancellationToken)).ToLookup(p => p.StatementId);
        return fetched.ToPage(page, HttpContext, Statements.CursorOf, s => StatementResponse.Closed(s, [.. payouts[s.Id]], OrdersUrl(s.Id)));
    }

    /// <summary>A statement with its lines and payouts; for a month that has not closed, the live preview (<c>status: open</c>).</summary>
    [HttpGet("{id}", Name = "GetSettlement")]
    public async Task<StatementResponse> Get(string id, CancellationToken cancellationToken) =>
        Shown(await ViewAsync(id, cancellationToken));

    /// <summary>The orders behind the statement's order-based lines: delivered in the month, then returned in it (negative amounts).</summary>
    [HttpGet("{id}/orders", Name = "ListSettlementOrders")]
    public async Task<Page<StatementOrderResponse>> Orders(string id, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await statements.OrdersAsync(await ViewAsync(id, cancellationToken), page, cancellationToken))
            .ToPage(page, HttpContext, Statements.CursorOf, row => row);

    /// <summary>The statement as CSV: its lines, then every order behind them.</summary>
    [HttpGet("{id}/export", Name = "ExportSettlement")]
    [Produces("text/csv")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    public async Task Export(string id, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(id, cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"statement-{view.Period}.csv\"";
        await export.WriteAsync(view, Response.Body, cancellationToken);
    }

    private Task<StatementView> ViewAsync(string id, CancellationToken cancellationToken)
    {
        var caller = HttpContext.RequirePartnerCaller();
        return statements.GetAsync(caller.PartnerId!, caller.Environment!.Value, id, cancellationToken);
    }

    private StatementResponse Shown(StatementView view) => view.Closed is { } closed
        ? StatementResponse.Closed(closed, view.Payouts, OrdersUrl(closed.Id))
        : StatementResponse.Preview(view.Preview!, OrdersUrl(view.Period.ToString()));

    private string OrdersUrl(string id) => Url.Link("ListSettlementOrders", new { id, version = RouteData.Values["version"] })!;
}

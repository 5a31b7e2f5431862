using Integration.Core.Credentials;
using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Core.Common;
using Integration.Core.Settlement;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Settlement;

namespace Integration.Api.Settlement;

/// <summary>Internal teams: close months, read any statement, record payments received and approved activity subsidies.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}")]
public sealed class AdminSettlementsController(PeriodCloser closer, Statements statements, SettlementDesk desk) : ControllerBase
{
    /// <summary>Closes an ended month now, for every partner of an environment or for one. Idempotent: closing again changes nothing.</summary>
    [HttpPost("settlements/close", Name = "CloseSettlements")]
    [AdminAccess(AdminPermission.SettlementsClose)]
    [ProblemResponses(404, 422)]
    public async Task<CloseSettlementResponse> Close(CloseSettlementRequest request, CancellationToken cancellationToken)
    {
        var outcome = await closer.CloseAsync(request.Environment, SettlementPeriod.Parse(request.Period, "period"), request.PartnerId, cancellationToken);
        return new CloseSettlementResponse(outcome.Period, outcome.Environment, outcome.Closed, outcome.AlreadyClosed);
    }

    /// <summary>Any partner's closed statement.</summary>
    [HttpGet("settlements/{id}", Name = "GetSettlementAdmin")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<StatementResponse> Get(string id, CancellationToken cancellationToken)
    {
        var view = await statements.GetClosedAsync(id, cancellationToken);
        return StatementResponse.Closed(view.Closed!, view.Payouts, ordersUrl: null);
    }

    /// <summary>Records money received from the partner for the statement's amount due; it becomes <c>settled</c> once all is in.</summary>
    [HttpPost("settlements/{id}/record-payment", Name = "RecordSettlementPayment")]
    [AdminAccess(AdminPermission.PaymentsRecord)]
    [ProblemResponses(404, 409)]
    public async Task<StatementResponse> RecordPayment(string id, RecordPaymentRequest request, CancellationToken cancellationToken)
    {
        await desk.RecordPaymentAsync(id, request.Amount, HttpContext.GetCaller()!.ClientId, cancellationToken);
        return await Get(id, cancellationToken);
    }

    /// <summary>Records an approved activity: 50% of its cost (at most 50,000) is credited on the statement of the month it is approved in.</summary>
    [HttpPost("partners/{partnerId}/activity-subsidies", Name = "RecordActivitySubsidy")]
    [AdminAccess(AdminPermission.SubsidiesRecord)]
    [ProblemResponses(404)]
    [ProducesResponseType<SubsidyResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> RecordSubsidy(string partnerId, RecordSubsidyRequest request, CancellationToken cancellationToken)
    {
        var subsidy = await desk.RecordSubsidyAsync(partnerId, request, HttpContext.GetCaller()!.ClientId, cancellationToken);
        return StatusCode(StatusCodes.Status201Created, SubsidyResponse.Of(subsidy));
    }

    /// <summary>A partner's most recent 100 approved activity subsidies.</summary>
    [HttpGet("partners/{partnerId}/activity-subsidies", Name = "ListActivitySubsidies")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<IReadOnlyList<SubsidyResponse>> Subsidies(string partnerId, CancellationToken cancellationToken) =>
        [.. (await desk.SubsidiesAsync(partnerId, cancellationToken)).Select(SubsidyResponse.Of)];

    /// <summary>Debits and credits per ledger account; total debits always equal total credits.</summary>
    [HttpGet("ledger/trial-balance", Name = "GetTrialBalance")]
    [AdminAccess(AdminPermission.Read)]
    public Task<TrialBalanceResponse> TrialBalance([FromQuery] ApiEnvironment? environment, CancellationToken cancellationToken) =>
        desk.TrialBalanceAsync(environment, cancellationToken);

    /// <summary>Payouts, newest first; <c>status=needs_attention</c> lists those whose attempts all failed.</summary>
    [HttpGet("payouts", Name = "ListPayouts")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<Page<AdminPayoutResponse>> Payouts(
        [FromQuery] PayoutStatus? status, [FromQuery, StringLength(ContractLimits.Id)] string? statementId, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await desk.PayoutsAsync(status, statementId, page, cancellationToken)).ToPage(page, HttpContext, SettlementDesk.CursorOf, AdminPayoutResponse.Of);

    /// <summary>Sends a payout that needs attention again; it first asks the gateway whether it was paid after all.</summary>
    [HttpPost("payouts/{id}/retry", Name = "RetryPayout")]
    [AdminAccess(AdminPermission.PayoutsRetry)]
    [ProblemResponses(404, 409)]
    public async Task<AdminPayoutResponse> RetryPayout(string id, CancellationToken cancellationToken) =>
        AdminPayoutResponse.Of(await desk.RetryPayoutAsync(id, HttpContext.GetCaller()!.ClientId, cancellationToken));
}

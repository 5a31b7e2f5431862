using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Idempotency;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Api.Partners;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Inventory;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Inventory;

namespace Integration.Api.Inventory;

/// <summary>Why a transfer is rejected.</summary>
public sealed record RejectTransferRequest
{
    [StringLength(ContractLimits.RejectionReason)]
    public string? Reason { get; init; }
}

/// <summary>Stock transfers between partners: request from a shared location; the owner accepts or rejects within 48 hours.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/transfers")]
[Tags("Transfers")]
public sealed class TransfersController(TransferDesk transfers) : ControllerBase
{
    /// <summary>Requests units from another partner's shared location to one of yours; they are reserved there at once.</summary>
    [HttpPost(Name = "RequestTransfer")]
    [RefusedWhileFrozen]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    [Idempotent]
    [ProblemResponses(409, 422)]
    [ProducesResponseType<TransferResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreateTransferRequest request, CancellationToken cancellationToken)
    {
        var transfer = await transfers.RequestAsync(HttpContext.RequirePartnerCaller(), request, cancellationToken);
        return Created(Url.Link("GetTransfer", new { id = transfer.Id, version = RouteData.Values["version"] }), TransferResponse.Of(transfer));
    }

    /// <summary>Transfers you requested (<c>outgoing</c>) or that ask for your stock (<c>incoming</c>), newest first.</summary>
    [HttpGet(Name = "ListTransfers")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public async Task<Page<TransferResponse>> List([FromQuery] TransferDirection? direction, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await transfers.ListAsync(HttpContext.RequirePartnerCaller(), direction, page, cancellationToken)).ToPage(page, HttpContext, TransferDesk.CursorOf, TransferResponse.Of);

    [HttpGet("{id}", Name = "GetTransfer")]
    [PartnerAccess(ApiScopes.InventoryRead)]
    public async Task<TransferResponse> Get(string id, CancellationToken cancellationToken) =>
        TransferResponse.Of(await transfers.GetAsync(HttpContext.RequirePartnerCaller(), id, cancellationToken));

    /// <summary>Accepts a transfer asking for your stock: the units move to the requester's location.</summary>
    [HttpPost("{id}/accept", Name = "AcceptTransfer")]
    [RefusedWhileFrozen]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    [ProblemResponses(409)]
    public async Task<TransferResponse> Accept(string id, CancellationToken cancellationToken) =>
        TransferResponse.Of(await transfers.AcceptAsync(HttpContext.RequirePartnerCaller(), id, cancellationToken));

    /// <summary>Rejects a transfer asking for your stock: the reservation is released.</summary>
    [HttpPost("{id}/reject", Name = "RejectTransfer")]
    [PartnerAccess(ApiScopes.InventoryWrite)]
    [ProblemResponses(409)]
    public async Task<TransferResponse> Reject(string id, RejectTransferRequest? request, CancellationToken cancellationToken) =>
        TransferResponse.Of(await transfers.RejectAsync(HttpContext.RequirePartnerCaller(), id, request?.Reason, cancellationToken));
}

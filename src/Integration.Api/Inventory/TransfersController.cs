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

namespace Integration.Api.Inventory;

/// <summary>A request for units from another partner's shared location to one of yours.</summary>
public sealed record CreateTransferRequest
{
    /// <summary>Another partner's location that shares this SKU with you.</summary>
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public required string FromLocationId { get; init; }

    /// <summary>One of your locations.</summary>
    [StringLength(ContractLimits.Id, MinimumLength = 1)]
    public required string ToLocationId { get; init; }

    [RegularExpression(SkuFormat.Pattern, ErrorMessage = SkuFormat.Message)]
    public required string Sku { get; init; }

    [Range(1, ContractLimits.TransferQuantity)]
    public required int Quantity { get; init; }
}

/// <summary>Why a transfer is rejected.</summary>
public sealed record RejectTransferRequest
{
    [StringLength(ContractLimits.RejectionReason)]
    public string? Reason { get; init; }
}

public enum TransferDirection
{
    Incoming,
    Outgoing,
}

/// <summary>A transfer, as both sides see it.</summary>
public sealed record TransferResponse(
    string Id, string FromLocationId, string ToLocationId, string Sku, int Quantity, TransferStatus Status, string? RejectionReason,
    DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, DateTimeOffset? DecidedAt)
{
    public static TransferResponse Of(Transfer t) =>
        new(t.Id, t.FromLocationId, t.ToLocationId, t.Sku, t.Quantity, t.Status, t.RejectionReason, t.RequestedAt, t.ExpiresAt, t.DecidedAt);
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

using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.Hosting;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Integration.Application.Partners;

namespace Integration.Api.Partners;

/// <summary>The partner registry, for internal teams.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/partners")]
public sealed class AdminPartnersController(IntegrationDbContext db, PartnerRegistry registry) : ControllerBase
{
    /// <summary>Registers a partner. A second active exclusive agent for a region is refused with 409.</summary>
    [HttpPost(Name = "CreatePartner")]
    [AdminAccess(AdminPermission.PartnersWrite)]
    [ProblemResponses(409, 422)]
    [ProducesResponseType<PartnerResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CreatePartnerRequest request, CancellationToken cancellationToken)
    {
        var partner = await registry.CreateAsync(request, HttpContext.GetCaller()!.ClientId, cancellationToken);
        ETags.Set(HttpContext, partner.Version);
        return CreatedAtRoute("GetPartner", new { id = partner.Id, version = "1" }, PartnerResponse.From(partner));
    }

    /// <summary>Lists partners, oldest first, optionally by status or region (a region includes the ones below it).</summary>
    [HttpGet(Name = "ListPartners")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<Page<PartnerResponse>> List(
        [FromQuery] PageQuery page, [FromQuery] PartnerStatus? status, [FromQuery, StringLength(ContractLimits.RegionCode)] string? regionCode, CancellationToken cancellationToken)
    {
        var query = db.Partners.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }
        if (regionCode is not null)
        {
            query = query.Where(p => p.RegionCode == regionCode || p.RegionCode.StartsWith(regionCode + "-"));
        }
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(p => p.CreatedAt > createdAt || (p.CreatedAt == createdAt && string.Compare(p.Id, id) > 0));
        }
        var partners = await query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return partners.ToPage(page, HttpContext, p => Cursor.Encode(p.CreatedAt, p.Id), PartnerResponse.From);
    }

    /// <summary>Reads one partner; the ETag is what an update's If-Match names.</summary>
    [HttpGet("{id}", Name = "GetPartner")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<PartnerResponse> Get(string id, CancellationToken cancellationToken)
    {
        var partner = await FindAsync(id, cancellationToken);
        ETags.Set(HttpContext, partner.Version);
        return PartnerResponse.From(partner);
    }

    /// <summary>Changes a partner: profile, agreement, qualification, or status. Send If-Match to avoid lost updates.</summary>
    [HttpPatch("{id}", Name = "UpdatePartner")]
    [AdminAccess(AdminPermission.PartnersWrite)]
    [ProblemResponses(409, 412)]
    public async Task<PartnerResponse> Update(
        string id, UpdatePartnerRequest request, CancellationToken cancellationToken)
    {
        var partner = await FindAsync(id, cancellationToken);
        if (request.Status is { } status && status != partner.Status && (status == PartnerStatus.Frozen || partner.Status == PartnerStatus.Frozen))
        {
            HttpContext.GetCaller()!.Require(AdminPermission.PartnersFreeze); // freezing and unfreezing is risk's decision
        }
        ETags.CheckIfMatch(HttpContext, partner.Version, required: false);
        partner = await registry.UpdateAsync(partner, request, HttpContext.GetCaller()!.ClientId, cancellationToken);
        ETags.Set(HttpContext, partner.Version);
        return PartnerResponse.From(partner);
    }

    /// <summary>Starts the partner's exit: it is exiting from now, keeps three months from the exit date for existing business, then ends in terminated by itself.</summary>
    [HttpPost("{id}/exit", Name = "StartPartnerExit")]
    [AdminAccess(AdminPermission.PartnersWrite)]
    [ProblemResponses(404, 409, 422)]
    public async Task<PartnerResponse> StartExit(string id, StartExitRequest request, [FromServices] PartnerExits exits, CancellationToken cancellationToken)
    {
        var partner = await exits.StartAsync(id, request.ExitDate, HttpContext.GetCaller()!.ClientId, cancellationToken);
        ETags.Set(HttpContext, partner.Version);
        return PartnerResponse.From(partner);
    }

    /// <summary>Freezes a partner: its orders, stock changes and transfers are refused until it is unfrozen; reads keep working.</summary>
    [HttpPost("{id}/freeze", Name = "FreezePartner")]
    [AdminAccess(AdminPermission.PartnersFreeze)]
    [ProblemResponses(404, 409)]
    public Task<PartnerResponse> Freeze(string id, CancellationToken cancellationToken) => SetStatusAsync(id, PartnerStatus.Frozen, cancellationToken);

    /// <summary>Lifts a freeze: the partner is active again.</summary>
    [HttpPost("{id}/unfreeze", Name = "UnfreezePartner")]
    [AdminAccess(AdminPermission.PartnersFreeze)]
    [ProblemResponses(404, 409)]
    public Task<PartnerResponse> Unfreeze(string id, CancellationToken cancellationToken) => SetStatusAsync(id, PartnerStatus.Active, cancellationToken);

    private async Task<PartnerResponse> SetStatusAsync(string id, PartnerStatus status, CancellationToken cancellationToken)
    {
        var partner = await registry.SetFrozenAsync(id, status == PartnerStatus.Frozen, HttpContext.GetCaller()!.ClientId, cancellationToken);
        ETags.Set(HttpContext, partner.Version);
        return PartnerResponse.From(partner);
    }

    private async Task<Partner> FindAsync(string id, CancellationToken cancellationToken) =>
        await db.Partners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw DomainException.NotFound("partner", id);
}

using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Partners;

/// <summary>The calling partner's own profile.</summary>
[ApiController]
[ApiVersion(1)]
[Route("v{version:apiVersion}/partners")]
public sealed class PartnersController(IntegrationDbContext db) : ControllerBase
{
    /// <summary>Returns the partner the access token belongs to, the environment it reaches and the scopes it carries.</summary>
    [HttpGet("me", Name = "GetMyPartner")]
    [PartnerAccess]
    public async Task<PartnerProfileResponse> Me(CancellationToken cancellationToken)
    {
        var caller = HttpContext.RequirePartnerCaller();
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == caller.PartnerId, cancellationToken)
            ?? throw DomainException.NotFound("partner", caller.PartnerId!);
        return new PartnerProfileResponse(
            partner.Id, partner.Name, partner.Tier, partner.CreditRating, partner.CooperationMode, partner.RegionCode,
            partner.ParentPartnerId, partner.Status, partner.EffectiveDiscount, caller.Environment!.Value, caller.ClientId, caller.Scopes);
    }
}

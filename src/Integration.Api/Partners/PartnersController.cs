using Asp.Versioning;
using Integration.Api.OAuth;
using Integration.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Partners;

/// <summary>The calling partner's own profile.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[Route("v{version:apiVersion}/partners")]
public sealed class PartnersController(PartnerSnapshots partners) : ControllerBase
{
    /// <summary>Returns the partner the access token belongs to, the environment it reaches and the scopes it carries.</summary>
    [HttpGet("me", Name = "GetMyPartner")]
    [PartnerAccess]
    public async Task<PartnerProfileResponse> Me()
    {
        var caller = HttpContext.RequirePartnerCaller();
        var partner = await partners.GetAsync(caller.PartnerId!)
            ?? throw DomainException.NotFound("partner", caller.PartnerId!);
        return new PartnerProfileResponse(
            partner.Id, partner.Name, partner.Tier, partner.CreditRating, partner.CooperationMode, partner.RegionCode,
            partner.ParentPartnerId, partner.Status, partner.EffectiveDiscount, caller.Environment!.Value, caller.ClientId, caller.Scopes);
    }
}

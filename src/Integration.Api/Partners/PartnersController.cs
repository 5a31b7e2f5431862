using Asp.Versioning;
using Integration.Api.Hosting;
using Integration.Application.Hosting;
using Integration.Api.OAuth;
using Integration.Application.OAuth;
using Integration.Core.Common;
using Integration.Core.Partners;
using Microsoft.AspNetCore.Mvc;
using Integration.Application.Partners;

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
    [MapToApiVersion(1)]
    [PartnerAccess]
    public async Task<PartnerProfileResponse> Me()
    {
        var (caller, partner) = await CallerAsync();
        return new PartnerProfileResponse(
            partner.Id, partner.Name, partner.Tier, partner.CreditRating, partner.CooperationMode, partner.RegionCode,
            partner.ParentPartnerId, partner.Status, partner.EffectiveDiscount, caller.Environment!.Value, caller.ClientId, caller.Scopes);
    }

    /// <summary>Returns the partner the access token belongs to, the environment it reaches and the scopes it carries.</summary>
    [HttpGet("me", Name = "GetMyPartnerV2")]
    [MapToApiVersion(2)]
    [PartnerAccess]
    public async Task<PartnerProfileV2> MeV2()
    {
        var (caller, partner) = await CallerAsync();
        return new PartnerProfileV2(
            partner.Id, partner.Name, partner.Tier, partner.CreditRating, partner.CooperationMode, partner.RegionCode,
            partner.ParentPartnerId, partner.Status, Rates.Format(partner.EffectiveDiscount), caller.Environment!.Value, caller.ClientId, caller.Scopes);
    }

    private async Task<(Caller Caller, Partner Partner)> CallerAsync()
    {
        var caller = HttpContext.RequirePartnerCaller();
        var partner = await partners.GetAsync(caller.PartnerId!)
            ?? throw DomainException.NotFound("partner", caller.PartnerId!);
        return (caller, partner);
    }
}

using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Application.OAuth;
using Integration.Application.People;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integration.Api.People;

/// <summary>
/// A partner's portal users, as internal teams see them. An internal team creates only the first owner; owners add
/// everyone else in the portal. Nobody is sent or shown a password: the owner sets theirs through an e-mailed link.
/// </summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/partners/{partnerId}/users")]
public sealed class AdminPartnerUsersController(PartnerUsers users, IntegrationDbContext db, IOptions<OAuthOptions> oauth) : ControllerBase
{
    /// <summary>Creates the partner's first owner and e-mails them a single-use link to set their password. 409 if the partner has users.</summary>
    /// <param name="partnerId">The partner's id.</param>
    /// <param name="request">The owner's e-mail and name.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpPost(Name = "CreatePartnerOwner")]
    [AdminAccess(AdminPermission.PartnerUsersCreate)]
    [ProducesResponseType<PartnerUserResponse>(StatusCodes.Status201Created)]
    [ProblemResponses(404, 409)]
    public async Task<IActionResult> CreateOwner(
        [StringLength(ContractLimits.Id)] string partnerId, CreatePartnerOwnerRequest request, CancellationToken cancellationToken)
    {
        var platformUrl = oauth.Value.Issuer ?? $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var owner = await users.CreateFirstOwnerAsync(partnerId, request.Email, request.DisplayName, platformUrl, HttpContext.GetCaller()!.ClientId, cancellationToken);
        return CreatedAtRoute("ListPartnerUsers", new { partnerId, version = "1" }, PartnerUserResponse.From(owner));
    }

    /// <summary>The partner's portal users, owners first.</summary>
    /// <param name="partnerId">The partner's id.</param>
    /// <param name="cancellationToken">Ends the work when the caller goes away.</param>
    [HttpGet(Name = "ListPartnerUsers")]
    [AdminAccess(AdminPermission.Read)]
    [ProblemResponses(404)]
    public async Task<PartnerUserListResponse> List([StringLength(ContractLimits.Id)] string partnerId, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            throw DomainException.NotFound("partner", partnerId);
        }
        return new PartnerUserListResponse([.. (await users.ListAsync(partnerId, cancellationToken)).Select(PartnerUserResponse.From)]);
    }
}

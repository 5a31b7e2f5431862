using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Agreements;
using Integration.Application.Paging;
using Integration.Core.Agreements;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Agreements;

/// <summary>A partner's agreement: negotiation rounds as versions, their diff, and both sides' signatures.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/partners/{partnerId}/agreements")]
public sealed class AdminAgreementsController(AgreementDesk desk) : ControllerBase
{
    /// <summary>Drafts the next negotiation round. Earlier drafts are superseded; the signed agreement stays in force until this one is signed.</summary>
    [HttpPost(Name = "DraftAgreementVersion")]
    [AdminAccess(AdminPermission.AgreementsEdit)]
    [ProblemResponses(404, 422)]
    [ProducesResponseType<AgreementVersionResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Draft(string partnerId, AgreementTermsRequest request, CancellationToken cancellationToken)
    {
        var version = await desk.DraftAsync(partnerId, request, HttpContext.GetCaller()!.ClientId, cancellationToken);
        return CreatedAtRoute("GetAgreementVersion", new { partnerId, versionId = version.Id, version = "1" }, AgreementVersionResponse.From(version));
    }

    /// <summary>Lists a partner's agreement versions, oldest first.</summary>
    [HttpGet(Name = "ListAgreementVersions")]
    [AdminAccess(AdminPermission.Read)]
    [ProblemResponses(404)]
    public async Task<Page<AgreementVersionResponse>> List(string partnerId, [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var after = page.Cursor is null ? 0 : (int)Cursor.DecodePosition(page.Cursor);
        var versions = await desk.ListAsync(partnerId, after, page.Limit + 1, cancellationToken);
        return versions.ToPage(page, HttpContext, v => Cursor.Encode(v.Number), AgreementVersionResponse.From);
    }

    /// <summary>Which terms differ between two versions: field, before, after.</summary>
    [HttpGet("diff", Name = "DiffAgreementVersions")]
    [AdminAccess(AdminPermission.Read)]
    [ProblemResponses(404)]
    public Task<AgreementDiffResponse> Diff(
        string partnerId,
        [FromQuery, Required, StringLength(ContractLimits.Id)] string from,
        [FromQuery, Required, StringLength(ContractLimits.Id)] string to,
        CancellationToken cancellationToken) =>
        desk.DiffAsync(partnerId, from, to, cancellationToken);

    /// <summary>Reads one version with its signatures and the SHA-256 of each document's canonical rendering.</summary>
    [HttpGet("{versionId}", Name = "GetAgreementVersion")]
    [AdminAccess(AdminPermission.Read)]
    [ProblemResponses(404)]
    public async Task<AgreementVersionResponse> Get(string partnerId, string versionId, CancellationToken cancellationToken) =>
        AgreementVersionResponse.From(await desk.FindAsync(partnerId, versionId, cancellationToken));

    /// <summary>Replaces the terms of the latest draft, before anyone signs it. A signed version never changes: draft a new one.</summary>
    [HttpPut("{versionId}", Name = "ReviseAgreementDraft")]
    [AdminAccess(AdminPermission.AgreementsEdit)]
    [ProblemResponses(404, 409, 422)]
    public async Task<AgreementVersionResponse> Revise(string partnerId, string versionId, AgreementTermsRequest request, CancellationToken cancellationToken) =>
        AgreementVersionResponse.From(await desk.ReviseAsync(partnerId, versionId, request, HttpContext.GetCaller()!.ClientId, cancellationToken));

    /// <summary>The brand signs a document of the latest draft (legal).</summary>
    [HttpPost("{versionId}/signatures/brand", Name = "SignAgreementForBrand")]
    [AdminAccess(AdminPermission.AgreementsSign)]
    [ProblemResponses(404, 409, 422)]
    public Task<AgreementVersionResponse> SignForBrand(string partnerId, string versionId, SignAgreementRequest request, CancellationToken cancellationToken) =>
        SignAsync(partnerId, versionId, SigningSide.Brand, request, cancellationToken);

    /// <summary>
    /// Records the partner's signature of a document of the latest draft, as its signer signed it (electronically on the
    /// platform's rendering, or on paper with the scan's hash). The fourth signature makes the version the partner's agreement.
    /// </summary>
    [HttpPost("{versionId}/signatures/partner", Name = "RecordPartnerSignature")]
    [AdminAccess(AdminPermission.AgreementsEdit)]
    [ProblemResponses(404, 409, 422)]
    public Task<AgreementVersionResponse> RecordPartnerSignature(string partnerId, string versionId, SignAgreementRequest request, CancellationToken cancellationToken) =>
        SignAsync(partnerId, versionId, SigningSide.Partner, request, cancellationToken);

    private async Task<AgreementVersionResponse> SignAsync(
        string partnerId, string versionId, SigningSide side, SignAgreementRequest request, CancellationToken cancellationToken) =>
        AgreementVersionResponse.From(await desk.SignAsync(partnerId, versionId, side, request, HttpContext.GetCaller()!.ClientId, cancellationToken));
}

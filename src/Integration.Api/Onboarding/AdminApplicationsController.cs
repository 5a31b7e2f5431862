using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Api.Paging;
using Integration.Application.Credentials;
using Integration.Application.Onboarding;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Onboarding;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Onboarding;

/// <summary>Internal teams: applications, their qualification documents, and the review.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/applications")]
public sealed class AdminApplicationsController(ApplicationDesk desk, QualificationDocuments documents, BusinessClock clock) : ControllerBase
{
    private string Actor => HttpContext.GetCaller()!.ClientId;

    /// <summary>
    /// Enters an application for a company (submitted at once): its partner record is created with status <c>onboarding</c>
    /// and a sandbox credential, whose secret is in this answer only. Hand it to the applicant; never e-mail it.
    /// </summary>
    [HttpPost(Name = "CreateApplication")]
    [AdminAccess(AdminPermission.ApplicationsReview)]
    [ProblemResponses(422)]
    [ProducesResponseType<SubmittedApplicationResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(ApplicationRequest request, CancellationToken cancellationToken)
    {
        var (application, credential, secret) = await desk.CreateAsync(request, Actor, cancellationToken);
        return CreatedAtRoute("GetApplication", new { id = application.Id, version = "1" },
            new SubmittedApplicationResponse(ApplicationResponse.Of(application, clock.GetUtcNow()), new CredentialWithSecretResponse(CredentialResponse.From(credential), secret)));
    }

    /// <summary>Applications newest first, optionally in one status (<c>submitted</c> is the review queue).</summary>
    [HttpGet(Name = "ListApplications")]
    [AdminAccess(AdminPermission.Read)]
    public async Task<Page<ApplicationResponse>> List([FromQuery] ApplicationStatus? status, [FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        (await desk.ListAsync(status, page, cancellationToken)).ToPage(page, HttpContext, ApplicationDesk.CursorOf, a => ApplicationResponse.Of(a, clock.GetUtcNow()));

    [HttpGet("{id}", Name = "GetApplication")]
    [AdminAccess(AdminPermission.Read)]
    [ProblemResponses(404)]
    public async Task<ApplicationResponse> Get([StringLength(ContractLimits.Id)] string id, CancellationToken cancellationToken) =>
        ApplicationResponse.Of(await desk.GetAsync(id, cancellationToken), clock.GetUtcNow());

    /// <summary>Takes a submitted application into review; the platform pre-fills the checklist with what it can judge.</summary>
    [HttpPost("{id}/start-review", Name = "StartApplicationReview")]
    [AdminAccess(AdminPermission.ApplicationsReview)]
    [ProblemResponses(404, 409)]
    public async Task<ApplicationResponse> StartReview([StringLength(ContractLimits.Id)] string id, CancellationToken cancellationToken) =>
        ApplicationResponse.Of(await desk.StartReviewAsync(id, Actor, cancellationToken), clock.GetUtcNow());

    /// <summary>Records the reviewer's verdict (<c>met</c>, <c>not_met</c>, <c>not_applicable</c>) and note on one criterion.</summary>
    [HttpPut("{id}/checklist/{criterion}", Name = "RecordApplicationVerdict")]
    [AdminAccess(AdminPermission.ApplicationsReview)]
    [ProblemResponses(404, 409)]
    public async Task<ApplicationResponse> RecordVerdict(
        [StringLength(ContractLimits.Id)] string id, QualificationCriterion criterion, RecordVerdictRequest request, CancellationToken cancellationToken) =>
        ApplicationResponse.Of(await desk.RecordVerdictAsync(id, criterion, request, Actor, cancellationToken), clock.GetUtcNow());

    /// <summary>Sends the application back to the applicant with what is missing (e-mailed to the main contact too).</summary>
    [HttpPost("{id}/request-information", Name = "RequestApplicationInformation")]
    [AdminAccess(AdminPermission.ApplicationsReview)]
    [ProblemResponses(404, 409)]
    public async Task<ApplicationResponse> RequestInformation([StringLength(ContractLimits.Id)] string id, RequestInformationRequest request, CancellationToken cancellationToken) =>
        ApplicationResponse.Of(await desk.RequestInformationAsync(id, request, Actor, cancellationToken), clock.GetUtcNow());

    /// <summary>Rejects with a reason; the applicant's partner record ends (terminated) with its sandbox access.</summary>
    [HttpPost("{id}/reject", Name = "RejectApplication")]
    [AdminAccess(AdminPermission.ApplicationsReview)]
    [ProblemResponses(404, 409)]
    public async Task<ApplicationResponse> Reject([StringLength(ContractLimits.Id)] string id, RejectApplicationRequest request, CancellationToken cancellationToken) =>
        ApplicationResponse.Of(await desk.RejectAsync(id, request, Actor, cancellationToken), clock.GetUtcNow());

    /// <summary>Approves for negotiation; refused (409 <c>qualification_criteria_not_met</c>) while a required criterion is not met or not judged.</summary>
    [HttpPost("{id}/approve", Name = "ApproveApplication")]
    [AdminAccess(AdminPermission.ApplicationsReview)]
    [ProblemResponses(404, 409)]
    public async Task<ApplicationResponse> Approve([StringLength(ContractLimits.Id)] string id, CancellationToken cancellationToken) =>
        ApplicationResponse.Of(await desk.ApproveAsync(id, Actor, cancellationToken), clock.GetUtcNow());

    /// <summary>The application's qualification documents, oldest first, without their content.</summary>
    [HttpGet("{id}/documents", Name = "ListApplicationDocuments")]
    [AdminAccess(AdminPermission.DocumentsRead)]
    [ProblemResponses(404)]
    public async Task<IReadOnlyList<DocumentResponse>> Documents([StringLength(ContractLimits.Id)] string id, CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync(id, cancellationToken)).Select(DocumentResponse.Of)];

    /// <summary>One document as uploaded; <c>Repr-Digest</c> carries its SHA-256.</summary>
    [HttpGet("{id}/documents/{documentId}/content", Name = "GetApplicationDocumentContent")]
    [AdminAccess(AdminPermission.DocumentsRead)]
    [ProblemResponses(404)]
    [Produces(DocumentContent.Pdf, DocumentContent.Png, DocumentContent.Jpeg)]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Content([StringLength(ContractLimits.Id)] string id, [StringLength(ContractLimits.Id)] string documentId, CancellationToken cancellationToken) =>
        DocumentFile.Of(this, await documents.ReadAsync(id, documentId, cancellationToken));
}

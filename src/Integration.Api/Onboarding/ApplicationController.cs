using System.ComponentModel.DataAnnotations;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Application.Onboarding;
using Integration.Core.Common;
using Integration.Core.Onboarding;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Onboarding;

/// <summary>Your application, followed with the sandbox credential it gave you: its status, what the reviewers ask for, your documents.</summary>
[ApiController]
[ApiVersion(1, Deprecated = true)]
[ApiVersion(2)]
[PartnerAccess]
[Route("v{version:apiVersion}/application")]
[Tags("Onboarding")]
public sealed class ApplicationController(ApplicationDesk desk, QualificationDocuments documents, BusinessClock clock) : ControllerBase
{
    /// <summary>Your application: its status, the review's checklist, what the reviewers asked for or why it was rejected.</summary>
    [HttpGet(Name = "GetMyApplication")]
    [ProblemResponses(404)]
    public async Task<ApplicationResponse> Get(CancellationToken cancellationToken) =>
        ApplicationResponse.Of(await desk.GetOfPartnerAsync(HttpContext.RequirePartnerCaller().PartnerId!, cancellationToken), clock.GetUtcNow());

    /// <summary>Answers a request for information (after uploading what was asked for): the review goes on.</summary>
    [HttpPost("resubmit", Name = "ResubmitMyApplication")]
    [ProblemResponses(404, 409)]
    public async Task<ApplicationResponse> Resubmit(ResubmitApplicationRequest request, CancellationToken cancellationToken) =>
        ApplicationResponse.Of(await desk.ResubmitAsync(HttpContext.RequirePartnerCaller().PartnerId!, request, cancellationToken), clock.GetUtcNow());

    /// <summary>
    /// Uploads a qualification document (multipart/form-data: <c>kind</c>, <c>file</c>, optional <c>expiresOn</c>): PDF, PNG or
    /// JPEG judged by its content, at most 10 MB, with a plain file name. It is stored encrypted; the answer carries its SHA-256.
    /// </summary>
    [HttpPost("documents", Name = "UploadQualificationDocument")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(ContractLimits.DocumentUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ContractLimits.DocumentUploadBytes)]
    [ProblemResponses(404, 409, 413, 415)]
    [ProducesResponseType<DocumentResponse>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Upload([FromForm] DocumentUpload upload, CancellationToken cancellationToken)
    {
        await using var content = upload.File.OpenReadStream();
        var document = await documents.UploadAsync(HttpContext.RequirePartnerCaller().PartnerId!, upload.Kind, upload.File.FileName, upload.File.ContentType,
            content, upload.File.Length, upload.ExpiresOn, cancellationToken);
        return Created(Url.Link("GetMyQualificationDocumentContent", new { id = document.Id, version = RouteData.Values["version"] }), DocumentResponse.Of(document));
    }

    /// <summary>Your documents, oldest first, without their content.</summary>
    [HttpGet("documents", Name = "ListMyQualificationDocuments")]
    [ProblemResponses(404)]
    public async Task<IReadOnlyList<DocumentResponse>> Documents(CancellationToken cancellationToken) =>
        [.. (await documents.ListOfPartnerAsync(HttpContext.RequirePartnerCaller().PartnerId!, cancellationToken)).Select(DocumentResponse.Of)];

    /// <summary>One of your documents as uploaded; <c>Repr-Digest</c> carries its SHA-256.</summary>
    [HttpGet("documents/{id}/content", Name = "GetMyQualificationDocumentContent")]
    [ProblemResponses(404)]
    [Produces(DocumentContent.Pdf, DocumentContent.Png, DocumentContent.Jpeg)]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Content([StringLength(ContractLimits.Id)] string id, CancellationToken cancellationToken) =>
        DocumentFile.Of(this, await documents.ReadOfPartnerAsync(HttpContext.RequirePartnerCaller().PartnerId!, id, cancellationToken));
}

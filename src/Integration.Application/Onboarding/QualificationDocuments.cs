using System.Security.Cryptography;
using Integration.Core.Common;
using Integration.Core.Onboarding;
using Integration.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Onboarding;

/// <summary>
/// Qualification documents, kept in the database (so every instance reads them) and encrypted at rest with the platform's
/// DataProtection keys: the key ring rotates (a new key every 90 days by default, or when an operator adds one) and keeps
/// the old keys, so older documents stay readable. Only the applicant (through its own application) and internal teams
/// with <c>documents.read</c> read them.
/// </summary>
public sealed class QualificationDocuments(IntegrationDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Integration.Onboarding.QualificationDocument.v1");

    /// <summary>Content types a client may declare for an upload whatever it holds (the content decides).</summary>
    private static readonly string[] Undeclared = ["", "application/octet-stream"];

    public async Task<QualificationDocument> UploadAsync(
        string partnerId, DocumentKind kind, string? fileName, string? declaredType, Stream content, long length, DateOnly? expiresOn,
        CancellationToken cancellationToken)
    {
        var application = await ApplicationOfAsync(partnerId, cancellationToken);
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.InReview or ApplicationStatus.NeedsInformation
            or ApplicationStatus.ApprovedForNegotiation or ApplicationStatus.Negotiating))
        {
            throw new DomainException(ErrorKind.Conflict, "invalid_transition",
                $"Application {application.Id} is '{SnakeCase.Of(application.Status)}': it takes no more documents.");
        }
        if (!DocumentContent.IsPlainFileName(fileName))
        {
            throw new DomainException(ErrorKind.Validation, "invalid_file_name",
                $"The file name must be a plain name of at most {DocumentContent.MaxFileNameLength} characters: no folders (/ or \\), no '..', no control characters, not starting with a dot.",
                new Dictionary<string, string[]> { ["file"] = ["Give the file a plain name such as business-licence.pdf."] });
        }
        if (length > DocumentContent.MaxBytes)
        {
            throw TooLarge(length);
        }
        var bytes = await ReadAsync(content, cancellationToken);
        var sniffed = DocumentContent.Sniff(bytes)
            ?? throw new DomainException(ErrorKind.UnsupportedMediaType, "unsupported_document_type",
                "The file is not a PDF, PNG or JPEG (judged by its content, not its name). Scan or export the document to one of those.");
        var declared = (declaredType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!Undeclared.Contains(declared) && declared != sniffed)
        {
            throw new DomainException(ErrorKind.UnsupportedMediaType, "document_type_mismatch",
                $"The file was sent as '{declared}' but its content is {sniffed}. Send it with its true type (or application/octet-stream).");
        }

        var document = new QualificationDocument
        {
            Id = Ids.New("doc"), ApplicationId = application.Id, Kind = kind, FileName = fileName!, ContentType = sniffed, Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), ExpiresOn = expiresOn, Content = _protector.Protect(bytes), UploadedAt = clock.UtcNow(),
        };
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        db.QualificationDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        if (application.Status == ApplicationStatus.InReview)
        {
            var tracked = await db.PartnerApplications.FirstAsync(a => a.Id == application.Id, cancellationToken);
            await ApplicationChecklist.RefreshAsync(db, tracked, document.UploadedAt, cancellationToken);
            tracked.Touch(document.UploadedAt);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return document;
    }

    /// <summary>The calling partner's documents; none of another applicant's.</summary>
    public async Task<IReadOnlyList<QualificationDocument>> ListOfPartnerAsync(string partnerId, CancellationToken cancellationToken) =>
        await ListAsync((await ApplicationOfAsync(partnerId, cancellationToken)).Id, cancellationToken);

    public async Task<IReadOnlyList<QualificationDocument>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (!await db.PartnerApplications.AnyAsync(a => a.Id == applicationId, cancellationToken))
        {
            throw DomainException.NotFound("application", applicationId);
        }
        // Without the content: a list never decrypts.
        return await db.QualificationDocuments.AsNoTracking().Where(d => d.ApplicationId == applicationId).OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)
            .Select(d => new QualificationDocument
            {
                Id = d.Id, ApplicationId = d.ApplicationId, Kind = d.Kind, FileName = d.FileName, ContentType = d.ContentType, Size = d.Size,
                Sha256 = d.Sha256, ExpiresOn = d.ExpiresOn, UploadedAt = d.UploadedAt, Content = Array.Empty<byte>(),
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>One of the calling partner's documents, decrypted; another applicant's is 404.</summary>
    public async Task<(QualificationDocument Document, byte[] Content)> ReadOfPartnerAsync(string partnerId, string documentId, CancellationToken cancellationToken) =>
        await ReadAsync((await ApplicationOfAsync(partnerId, cancellationToken)).Id, documentId, cancellationToken);

    public async Task<(QualificationDocument Document, byte[] Content)> ReadAsync(string applicationId, string documentId, CancellationToken cancellationToken)
    {
        var document = await db.QualificationDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == applicationId, cancellationToken)
            ?? throw DomainException.NotFound("document", documentId);
        return (document, _protector.Unprotect(document.Content));
    }

    private async Task<PartnerApplication> ApplicationOfAsync(string partnerId, CancellationToken cancellationToken) =>
        await db.PartnerApplications.AsNoTracking().FirstOrDefaultAsync(a => a.PartnerId == partnerId, cancellationToken)
        ?? throw new DomainException(ErrorKind.NotFound, "resource_not_found", "Your partner record was not created from an application: there is none to add documents to.");

    /// <summary>At most the limit, whatever length the request claimed.</summary>
    private static async Task<byte[]> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > DocumentContent.MaxBytes)
            {
                throw TooLarge(buffer.Length);
            }
        }
        return buffer.ToArray();
    }

    private static DomainException TooLarge(long length) =>
        new(ErrorKind.TooLarge, "document_too_large", $"A document is at most {DocumentContent.MaxBytes / (1024 * 1024)} MB; this one has at least {length} bytes.");
}

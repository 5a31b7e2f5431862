namespace Integration.Core.Onboarding;

/// <summary>
/// A qualification document of an application. <see cref="Content"/> is the file encrypted with the platform's
/// DataProtection keys; <see cref="Sha256"/> is the hash of the plaintext the applicant sent.
/// </summary>
public sealed class QualificationDocument
{
    public required string Id { get; init; }
    public required string ApplicationId { get; init; }
    public DocumentKind Kind { get; init; }

    /// <summary>The applicant's file name, checked to be a plain name: shown, never used as a path.</summary>
    public required string FileName { get; init; }

    /// <summary>What the content is (by its first bytes): application/pdf, image/png or image/jpeg.</summary>
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

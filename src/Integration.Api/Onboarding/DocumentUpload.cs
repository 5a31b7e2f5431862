using Integration.Core.Onboarding;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Onboarding;

/// <summary>The form of a qualification document upload.</summary>
public sealed class DocumentUpload
{
    [FromForm(Name = "kind")]
    public required DocumentKind Kind { get; init; }

    /// <summary>The document: PDF, PNG or JPEG, at most 10 MB.</summary>
    [FromForm(Name = "file")]
    public required IFormFile File { get; init; }

    /// <summary>When the document stops being valid (a business licence's expiry date); the review checks it.</summary>
    [FromForm(Name = "expiresOn")]
    public DateOnly? ExpiresOn { get; init; }
}

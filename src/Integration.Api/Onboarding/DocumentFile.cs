using Integration.Core.Onboarding;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.Onboarding;

/// <summary>A decrypted qualification document as a download, with its SHA-256 in <c>Repr-Digest</c> (RFC 9530).</summary>
public static class DocumentFile
{
    public static FileContentResult Of(ControllerBase controller, (QualificationDocument Document, byte[] Content) read)
    {
        var (document, content) = read;
        controller.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(document.Sha256))}:";
        controller.Response.Headers.CacheControl = "no-store";
        return controller.File(content, document.ContentType, document.FileName);
    }
}

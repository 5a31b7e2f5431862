namespace Integration.Core.Onboarding;

/// <summary>What a qualification document is, judged by its first bytes only (never by its name or declared type).</summary>
public static class DocumentContent
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    /// <summary>10 MB per document.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public const int MaxFileNameLength = 200;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    public static IReadOnlyList<string> Accepted { get; } = [Pdf, Png, Jpeg];

    /// <summary>The content type the bytes show, or null when they are none of PDF, PNG and JPEG.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith(PdfMagic) ? Pdf
        : content.StartsWith(PngMagic) ? Png
        : content.StartsWith(JpegMagic) ? Jpeg
        : null;

    /// <summary>A plain file name: no folders, no parent references, no control characters, not hidden, not too long.</summary>
    public static bool IsPlainFileName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxFileNameLength && name == name.Trim()
        && name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0 && !name.StartsWith('.') && !name.Contains("..")
        && !name.Any(c => char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));
}

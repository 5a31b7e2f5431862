namespace Integration.Application.OAuth;

/// <summary>A certificate that signed tokens before the current one: still trusted, published, never used to sign.</summary>
public sealed class PreviousSigningCertificate
{
    public string Path { get; set; } = "";

    public string? Password { get; set; }
}

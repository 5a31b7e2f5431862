namespace Integration.Application.OAuth;

public sealed class OAuthOptions
{
    public const string Section = "OAuth";

    /// <summary>
    /// The public base URL partners reach the platform at (<c>iss</c> of every token, base of the discovery
    /// document). Required outside Development, the same on every instance; Development follows the request's host.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> of every access token; the API refuses tokens for any other audience.</summary>
    public string Audience { get; set; } = "integration-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the old secret keeps working after a rotation.</summary>
    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a "this credential is still active" answer is cached; revocation takes effect within it.</summary>
    public TimeSpan RevocationCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Development and tests only: keys generated in memory or the machine's development certificate.</summary>
    public bool UseDevelopmentKeys { get; set; }

    /// <summary>PFX file with the token signing certificate (required outside Development).</summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    /// <summary>
    /// Certificates that signed tokens before the current one, during a rotation: tokens they signed keep
    /// validating and their keys stay in the JWKS; they never sign. Remove them once every instance has
    /// signed with the new one for longer than <see cref="AccessTokenLifetime"/>.
    /// </summary>
    public List<PreviousSigningCertificate> PreviousSigningCertificates { get; set; } = [];

    /// <summary>How long clients and caches may keep the discovery document and the JWKS (<c>Cache-Control: max-age</c>).</summary>
    public TimeSpan MetadataMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Development and tests only: accept plain HTTP on the OAuth endpoints.</summary>
    public bool AllowPlainHttp { get; set; }
}

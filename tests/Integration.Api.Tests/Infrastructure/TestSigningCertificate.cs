using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Integration.Api.Tests.Infrastructure;

/// <summary>A self-signed token signing certificate (PFX) that all test instances share, as production instances do.</summary>
public static class TestSigningCertificate
{
    private static readonly Lazy<string> RsaFile = new(() => Create("rsa", key: null));
    private static readonly Lazy<string> EcdsaFile = new(() => Create("ecdsa", ECDsa.Create(ECCurve.NamedCurves.nistP256)));

    /// <summary>RSA-2048: tokens are signed RS256.</summary>
    public static string Path => RsaFile.Value;

    /// <summary>ECDSA P-256: tokens are signed ES256.</summary>
    public static string EcdsaPath => EcdsaFile.Value;

    private static string Create(string name, ECDsa? key)
    {
        using var rsa = RSA.Create(2048);
        var request = key is null
            ? new CertificateRequest("CN=integration-tests-signing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=integration-tests-signing", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        // Valid well around today: settlement tests run their clocks through earlier and later months.
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddYears(3));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "integration-tests", $"signing-{name}-{Environment.ProcessId}.pfx");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        key?.Dispose();
        return path;
    }
}

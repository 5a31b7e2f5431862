using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Integration.Api.Tests.Infrastructure;

/// <summary>A self-signed token signing certificate (PFX) that all test instances share, as production instances do.</summary>
public static class TestSigningCertificate
{
    private static readonly Lazy<string> File = new(Create);

    public static string Path => File.Value;

    private static string Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=integration-tests-signing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "integration-tests", $"signing-{Environment.ProcessId}.pfx");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }
}

using System.Security.Cryptography;
using System.Text;
using Integration.Core.Common;

namespace Integration.Core.Credentials;

/// <summary>
/// Client ids and secrets. Secrets are 240-bit random strings, so a single SHA-256 is the right hash:
/// slow password hashes protect guessable secrets and would only cap token issuance (ADR 0003).
/// </summary>
public static class ClientSecrets
{
    private const string HashPrefix = "sha256:";

    public static string NewClientId(CredentialKind kind, ApiEnvironment environment) => kind switch
    {
        CredentialKind.Internal => Ids.New("adm", 24),
        _ when environment == ApiEnvironment.Sandbox => Ids.New("sbx", 24),
        _ => Ids.New("live", 24),
    };

    public static string NewSecret(CredentialKind kind, ApiEnvironment environment)
    {
        var marker = kind == CredentialKind.Internal ? "adm" : environment == ApiEnvironment.Sandbox ? "sbx" : "live";
        return $"sk_{marker}_{Ids.RandomToken(48)}";
    }

    public static string Hash(string secret) =>
        HashPrefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string? storedHash)
    {
        if (storedHash is null || !storedHash.StartsWith(HashPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(storedHash);
        var actual = Encoding.ASCII.GetBytes(Hash(secret));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}

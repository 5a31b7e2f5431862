using System.Security.Cryptography;
using System.Text;
using Integration.Core.Common;

namespace Integration.Core.Onboarding;

/// <summary>The single-use token of an applicant's confirmation e-mail; only its SHA-256 is stored.</summary>
public static class ConfirmationToken
{
    public const string Prefix = "apc_";

    /// <summary>Prefix and 43 random characters (about 222 bits).</summary>
    public const int Length = 47;

    public static string New() => Prefix + Ids.RandomToken(Length - Prefix.Length);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

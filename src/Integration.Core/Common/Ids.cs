using System.Security.Cryptography;

namespace Integration.Core.Common;

/// <summary>Opaque, prefixed, non-sequential identifiers (<c>ptn_…</c>, <c>cred_…</c>).</summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 20) => $"{prefix}_{RandomToken(length)}";

    /// <summary>A random lower-case alphanumeric string; 20 characters carry about 103 bits.</summary>
    public static string RandomToken(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}

using System.Security.Cryptography;
using System.Text;

namespace Integration.Core.Audit;

/// <summary>
/// A secret the audit chain is MACed with, known by its id. The secret never leaves this type:
/// not through <see cref="ToString"/>, not to the database, not to a log.
/// </summary>
public sealed class AuditChainKey(string id, byte[] secret)
{
    private readonly byte[] _secret = secret.ToArray();

    public string Id { get; } = id;

    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));

    public bool Verifies(string text, string mac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(text)), Encoding.ASCII.GetBytes(mac));

    public override string ToString() => $"audit chain key '{Id}'";
}

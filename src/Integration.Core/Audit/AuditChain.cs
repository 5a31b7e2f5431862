using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Integration.Core.Audit;

/// <summary>
/// The chain of the audit log: each entry's hash covers its own fields and the previous hash, so
/// changing, removing or reordering any entry breaks every hash after it. Entries are MACed with a
/// key kept outside the database (HMAC-SHA256), so hashes cannot be recomputed by whoever can edit
/// the table; entries written before keys existed carry a plain SHA-256 hash.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The legacy, unkeyed hash.</summary>
    public static string ComputeHash(
        string previousHash, long sequence, string id, DateTimeOffset occurredAt,
        string actor, string action, string target, string outcome, string? details) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            Canonical(previousHash, sequence, id, occurredAt, actor, action, target, outcome, details))));

    public static string ComputeHash(AuditEntry entry) => ComputeHash(
        entry.PreviousHash, entry.Sequence, entry.Id, entry.OccurredAt,
        entry.Actor, entry.Action, entry.Target, entry.Outcome, entry.Details);

    /// <summary>The keyed hash; the key id is covered too, so an entry cannot be moved under another key.</summary>
    public static string ComputeMac(AuditEntry entry, AuditChainKey key) => key.Sign(MacText(entry, key.Id));

    public static string MacText(AuditEntry entry, string keyId) => Canonical(
        entry.PreviousHash, entry.Sequence, entry.Id, entry.OccurredAt,
        entry.Actor, entry.Action, entry.Target, entry.Outcome, entry.Details, keyId);

    /// <summary>Length-prefixed fields, so "ab"+"c" and "a"+"bc" never hash alike. Times count as UTC ticks.</summary>
    public static string Canonical(params object?[] fields)
    {
        var builder = new StringBuilder();
        foreach (var value in fields)
        {
            var field = value switch
            {
                null => "",
                DateTimeOffset at => at.UtcTicks.ToString(CultureInfo.InvariantCulture),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }
        return builder.ToString();
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Integration.Core.Audit;

/// <summary>
/// The hash chain of the audit log: each entry's hash covers its own fields and the previous hash,
/// so changing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(
        string previousHash, long sequence, string id, DateTimeOffset occurredAt,
        string actor, string action, string target, string outcome, string? details)
    {
        // Length-prefixed fields, so "ab"+"c" and "a"+"bc" never hash alike.
        var builder = new StringBuilder();
        foreach (var field in new[]
                 {
                     previousHash, sequence.ToString(CultureInfo.InvariantCulture), id,
                     occurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), actor, action, target, outcome, details ?? "",
                 })
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public static string ComputeHash(AuditEntry entry) => ComputeHash(
        entry.PreviousHash, entry.Sequence, entry.Id, entry.OccurredAt,
        entry.Actor, entry.Action, entry.Target, entry.Outcome, entry.Details);
}

/// <summary>Walks the chain in sequence order and reports the first entry that does not follow from the ones before it.</summary>
public sealed class AuditChainWalker
{
    private string _previousHash = AuditChain.GenesisHash;
    private long _expectedSequence = 1;

    public long EntriesChecked => _expectedSequence - 1;

    public AuditBreak? Accept(AuditEntry entry)
    {
        if (entry.Sequence != _expectedSequence)
        {
            return new AuditBreak(entry.Sequence, entry.Id, $"Expected entry {_expectedSequence} but found {entry.Sequence}: an entry is missing.");
        }
        if (entry.PreviousHash != _previousHash)
        {
            return new AuditBreak(entry.Sequence, entry.Id, "The entry does not point at the hash of the entry before it.");
        }
        if (AuditChain.ComputeHash(entry) != entry.Hash)
        {
            return new AuditBreak(entry.Sequence, entry.Id, "The entry's content does not match its hash: it was changed after it was written.");
        }
        _previousHash = entry.Hash;
        _expectedSequence++;
        return null;
    }
}

public sealed record AuditBreak(long Sequence, string EntryId, string Reason);

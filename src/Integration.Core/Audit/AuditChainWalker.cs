namespace Integration.Core.Audit;

/// <summary>
/// Walks the chain in sequence order, from the start or from a pruning anchor, and reports the first
/// entry that does not follow from the ones before it, or that contradicts a signed checkpoint.
/// </summary>
public sealed class AuditChainWalker
{
    private readonly AuditKeyRing? _keys;
    private readonly Dictionary<long, AuditCheckpoint> _checkpoints = [];
    private readonly long _start;
    private string _previousHash;
    private long _expectedSequence;
    private bool _keyedSeen;

    /// <summary>A walker for legacy chains only: no key verifies anything.</summary>
    public AuditChainWalker() : this(null)
    {
    }

    public AuditChainWalker(AuditKeyRing? keys, AuditAnchor? anchor = null)
    {
        _keys = keys;
        _start = anchor?.Sequence ?? 0;
        _previousHash = anchor?.HeadHash ?? AuditChain.GenesisHash;
        _expectedSequence = _start + 1;
        // Anchors come from checkpoints, which exist only since keys do: no legacy entry can follow one.
        _keyedSeen = anchor is not null;
    }

    public long EntriesChecked => _expectedSequence - 1 - _start;

    /// <summary>The checkpoint with the highest sequence that the entries were found to agree with.</summary>
    public AuditCheckpoint? LatestMatched { get; private set; }

    /// <summary>Adds a checkpoint the chain must agree with; a checkpoint without a valid MAC is a break itself.</summary>
    public AuditBreak? Expect(AuditCheckpoint checkpoint, string source)
    {
        if (_keys is null || !checkpoint.IsAuthentic(_keys))
        {
            return new AuditBreak(checkpoint.Sequence, null,
                $"The checkpoint for entry {checkpoint.Sequence} in the {source} is not signed with a configured key: it was forged or altered.");
        }
        if (checkpoint.Sequence == _start && checkpoint.HeadHash != _previousHash)
        {
            return new AuditBreak(checkpoint.Sequence, null, $"The pruning anchor at entry {_start} differs from the signed checkpoint for that entry.");
        }
        if (checkpoint.Sequence > _start && !_checkpoints.ContainsKey(checkpoint.Sequence))
        {
            _checkpoints[checkpoint.Sequence] = checkpoint;
        }
        return null;
    }

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
        if (ContentProblem(entry) is { } problem)
        {
            return new AuditBreak(entry.Sequence, entry.Id, problem);
        }
        if (_checkpoints.TryGetValue(entry.Sequence, out var checkpoint))
        {
            if (checkpoint.HeadHash != entry.Hash)
            {
                return new AuditBreak(entry.Sequence, entry.Id,
                    $"The entry differs from the signed checkpoint of {checkpoint.SignedAt:u} for it: the chain was rewritten.");
            }
            LatestMatched = checkpoint;
        }
        _previousHash = entry.Hash;
        _expectedSequence++;
        return null;
    }

    /// <summary>After the last entry: a checkpoint beyond it means entries were deleted from the end.</summary>
    public AuditBreak? Finish()
    {
        var last = _expectedSequence - 1;
        var beyond = _checkpoints.Values.Where(c => c.Sequence > last).MaxBy(c => c.Sequence);
        return beyond is null
            ? null
            : new AuditBreak(last + 1, null,
                $"The chain ends at entry {last}, but a signed checkpoint shows it reached entry {beyond.Sequence}: entries after {last} were deleted.");
    }

    private string? ContentProblem(AuditEntry entry)
    {
        if (entry.KeyId is null)
        {
            if (_keyedSeen)
            {
                return "The entry was written without the key after keyed entries: it was inserted or rewritten by someone without the key.";
            }
            return AuditChain.ComputeHash(entry) == entry.Hash
                ? null
                : "The entry's content does not match its hash: it was changed after it was written.";
        }
        _keyedSeen = true;
        if (_keys?.Find(entry.KeyId) is not { } key)
        {
            return $"The entry was MACed with key '{entry.KeyId}', which is not configured: add that key back to verify it.";
        }
        return key.Verifies(AuditChain.MacText(entry, key.Id), entry.Hash)
            ? null
            : "The entry's content does not match its MAC: it was changed after it was written, or the configured key is not the one it was written with.";
    }
}

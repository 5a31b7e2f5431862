using Integration.Core.Audit;

namespace Integration.Core.Tests.Audit;

/// <summary>The keyed chain: what someone with write access to the table but without the key cannot hide.</summary>
public sealed class KeyedAuditChainTests
{
    private static readonly AuditChainKey KeyA = new("a", Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly AuditChainKey KeyB = new("b", Enumerable.Repeat((byte)2, 32).ToArray());
    private static readonly AuditKeyRing Keys = new([KeyA, KeyB], "a");

    [Fact]
    public void AKeyedChain_Holds()
    {
        var walker = new AuditChainWalker(Keys);

        Assert.All(Chain(5, KeyA), entry => Assert.Null(walker.Accept(entry)));
        Assert.Equal(5, walker.EntriesChecked);
    }

    [Fact]
    public void AnEditWithEveryLaterHashRecomputedWithoutTheKey_IsNamedAtTheEditedEntry()
    {
        var chain = Chain(5, KeyA);
        chain[2] = With(chain[2], target: "ptn_forged");
        // The forger recomputes what he can: plain SHA-256 for the edited entry and every later one.
        var previous = chain[1].Hash;
        for (var i = 2; i < chain.Count; i++)
        {
            var e = With(chain[i], previousHash: previous);
            chain[i] = With(e, hash: AuditChain.ComputeHash(e));
            previous = chain[i].Hash;
        }

        var broken = FirstBreak(chain, new AuditChainWalker(Keys));

        Assert.Equal(3, broken!.Sequence);
        Assert.Contains("changed", broken.Reason);
    }

    [Fact]
    public void LegacyEntries_VerifyWithPlainHashes_UntilTheFirstKeyedOne()
    {
        var chain = Chain(3, key: null);
        chain.AddRange(Chain(2, KeyA, after: chain[^1]));

        Assert.Null(FirstBreak(chain, new AuditChainWalker(Keys)));
    }

    [Fact]
    public void ALegacyEntryAfterAKeyedOne_IsABreak()
    {
        var chain = Chain(2, KeyA);
        chain.AddRange(Chain(1, key: null, after: chain[^1]));

        var broken = FirstBreak(chain, new AuditChainWalker(Keys));

        Assert.Equal(3, broken!.Sequence);
        Assert.Contains("without the key", broken.Reason);
    }

    [Fact]
    public void AfterRotation_OldAndNewEntriesVerify()
    {
        var chain = Chain(2, KeyA);
        chain.AddRange(Chain(2, KeyB, after: chain[^1]));

        Assert.Null(FirstBreak(chain, new AuditChainWalker(new AuditKeyRing([KeyA, KeyB], "b"))));
    }

    [Fact]
    public void AnEntryUnderAKeyNoLongerConfigured_IsNamed()
    {
        var broken = FirstBreak(Chain(2, KeyB), new AuditChainWalker(new AuditKeyRing([KeyA], "a")));

        Assert.Equal(1, broken!.Sequence);
        Assert.Contains("'b'", broken.Reason);
    }

    [Fact]
    public void TheWrongKeyUnderTheRightId_FailsAtTheFirstEntry()
    {
        var impostor = new AuditChainKey("a", Enumerable.Repeat((byte)9, 32).ToArray());

        var broken = FirstBreak(Chain(3, KeyA), new AuditChainWalker(new AuditKeyRing([impostor], "a")));

        Assert.Equal(1, broken!.Sequence);
    }

    [Fact]
    public void DeletedLastEntries_AreFoundByACheckpointBeyondTheTail()
    {
        var chain = Chain(5, KeyA);
        var walker = new AuditChainWalker(Keys);
        Assert.Null(walker.Expect(SignedChainHead.Sign<AuditCheckpoint>(5, chain[4].Hash, DateTimeOffset.UnixEpoch, KeyA), "table"));
        chain.RemoveRange(3, 2);

        Assert.Null(FirstBreak(chain, walker));
        var broken = walker.Finish();

        Assert.Equal(4, broken!.Sequence);
        Assert.Null(broken.EntryId);
        Assert.Contains("deleted", broken.Reason);
    }

    [Fact]
    public void ARewrittenChainUnderTheKey_DiffersFromTheCheckpoint()
    {
        var chain = Chain(3, KeyA);
        var walker = new AuditChainWalker(Keys);
        walker.Expect(SignedChainHead.Sign<AuditCheckpoint>(2, "f00d", DateTimeOffset.UnixEpoch, KeyA), "table");

        Assert.Equal(2, FirstBreak(chain, walker)!.Sequence);
    }

    [Fact]
    public void AForgedCheckpoint_IsRefused()
    {
        var genuine = SignedChainHead.Sign<AuditCheckpoint>(7, "abc", DateTimeOffset.UnixEpoch, KeyA);
        var forged = new AuditCheckpoint { Sequence = 8, HeadHash = genuine.HeadHash, SignedAt = genuine.SignedAt, KeyId = "a", Mac = genuine.Mac };

        Assert.True(genuine.IsAuthentic(Keys));
        Assert.False(forged.IsAuthentic(Keys));
        Assert.NotNull(new AuditChainWalker(Keys).Expect(forged, "file"));
    }

    [Fact]
    public void AnAnchor_StartsTheChainAfterPrunedEntries_AndMissingEntriesAfterItAreFound()
    {
        var chain = Chain(6, KeyA);
        var anchor = SignedChainHead.Sign<AuditAnchor>(3, chain[2].Hash, DateTimeOffset.UnixEpoch, KeyA);

        Assert.Null(FirstBreak(chain.Skip(3), new AuditChainWalker(Keys, anchor)));
        Assert.Equal(5, FirstBreak(chain.Skip(4), new AuditChainWalker(Keys, anchor))!.Sequence);
    }

    [Fact]
    public void AnAnchorIsNotACheckpoint_AndCannotBeMadeFromOne()
    {
        var checkpoint = SignedChainHead.Sign<AuditCheckpoint>(3, "abc", DateTimeOffset.UnixEpoch, KeyA);
        var copied = new AuditAnchor { Sequence = 3, HeadHash = "abc", SignedAt = DateTimeOffset.UnixEpoch, KeyId = "a", Mac = checkpoint.Mac };

        Assert.False(copied.IsAuthentic(Keys));
    }

    private static AuditBreak? FirstBreak(IEnumerable<AuditEntry> chain, AuditChainWalker walker) =>
        chain.Select(walker.Accept).FirstOrDefault(b => b is not null);

    private static AuditEntry With(AuditEntry e, string? target = null, string? previousHash = null, string? hash = null) => new()
    {
        Sequence = e.Sequence, Id = e.Id, OccurredAt = e.OccurredAt, Actor = e.Actor, Action = e.Action,
        Target = target ?? e.Target, Outcome = e.Outcome, Details = e.Details, PreviousHash = previousHash ?? e.PreviousHash,
        Hash = hash ?? e.Hash, KeyId = e.KeyId,
    };

    private static List<AuditEntry> Chain(int count, AuditChainKey? key, AuditEntry? after = null)
    {
        var entries = new List<AuditEntry>();
        var previous = after?.Hash ?? AuditChain.GenesisHash;
        var first = (after?.Sequence ?? 0) + 1;
        for (var i = first; i < first + count; i++)
        {
            var entry = new AuditEntry
            {
                Sequence = i, Id = $"aud_{i}", OccurredAt = new DateTimeOffset(2026, 3, 1, 8, 0, (int)i, TimeSpan.Zero), Actor = "adm_1",
                Action = "partner.created", Target = $"ptn_{i}", Outcome = "succeeded", Details = "{}", PreviousHash = previous, Hash = "",
                KeyId = key?.Id,
            };
            entry = With(entry, hash: key is null ? AuditChain.ComputeHash(entry) : AuditChain.ComputeMac(entry, key));
            entries.Add(entry);
            previous = entry.Hash;
        }
        return entries;
    }
}

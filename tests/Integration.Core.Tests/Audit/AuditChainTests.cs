using Integration.Core.Audit;

namespace Integration.Core.Tests.Audit;

public sealed class AuditChainTests
{
    [Fact]
    public void AnUntouchedChain_Holds()
    {
        var walker = new AuditChainWalker();

        Assert.All(Chain(5), entry => Assert.Null(walker.Accept(entry)));
        Assert.Equal(5, walker.EntriesChecked);
    }

    [Fact]
    public void AChangedField_BreaksThatEntry()
    {
        var chain = Chain(4);
        var e = chain[2];
        chain[2] = new AuditEntry
        {
            Sequence = e.Sequence, Id = e.Id, OccurredAt = e.OccurredAt, Actor = e.Actor, Action = e.Action,
            Target = "ptn_other", Outcome = e.Outcome, Details = e.Details, PreviousHash = e.PreviousHash, Hash = e.Hash,
        };

        Assert.Equal(3, FirstBreak(chain)!.Sequence);
    }

    [Fact]
    public void ARemovedEntry_IsNamedAtTheNextOne()
    {
        var chain = Chain(4);
        chain.RemoveAt(1);

        Assert.Equal(3, FirstBreak(chain)!.Sequence);
    }

    [Fact]
    public void ARecomputedHash_StillBreaksTheLinkToTheNextEntry()
    {
        var chain = Chain(3);
        var e = chain[1];
        var forgedHash = AuditChain.ComputeHash(e.PreviousHash, e.Sequence, e.Id, e.OccurredAt, e.Actor, e.Action, "forged", e.Outcome, e.Details);
        chain[1] = new AuditEntry
        {
            Sequence = e.Sequence, Id = e.Id, OccurredAt = e.OccurredAt, Actor = e.Actor, Action = e.Action,
            Target = "forged", Outcome = e.Outcome, Details = e.Details, PreviousHash = e.PreviousHash, Hash = forgedHash,
        };

        Assert.Equal(3, FirstBreak(chain)!.Sequence);
    }

    [Fact]
    public void FieldBoundaries_AreUnambiguous()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.NotEqual(
            AuditChain.ComputeHash(AuditChain.GenesisHash, 1, "a", at, "ab", "c", "t", "o", null),
            AuditChain.ComputeHash(AuditChain.GenesisHash, 1, "a", at, "a", "bc", "t", "o", null));
    }

    private static AuditBreak? FirstBreak(IEnumerable<AuditEntry> chain)
    {
        var walker = new AuditChainWalker();
        return chain.Select(walker.Accept).FirstOrDefault(b => b is not null);
    }

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var at = new DateTimeOffset(2026, 3, 1, 8, 0, i, TimeSpan.Zero);
            var hash = AuditChain.ComputeHash(previous, i, $"aud_{i}", at, "adm_1", "partner.created", $"ptn_{i}", "succeeded", "{}");
            entries.Add(new AuditEntry
            {
                Sequence = i, Id = $"aud_{i}", OccurredAt = at, Actor = "adm_1", Action = "partner.created",
                Target = $"ptn_{i}", Outcome = "succeeded", Details = "{}", PreviousHash = previous, Hash = hash,
            });
            previous = hash;
        }
        return entries;
    }
}

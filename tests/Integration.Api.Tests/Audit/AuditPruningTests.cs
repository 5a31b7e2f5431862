using Integration.Api.Audit;
using Integration.Application.Audit;
using Integration.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Api.Tests.Audit;

/// <summary>Pruning old entries up to a checkpoint, which becomes the signed anchor verification starts from.</summary>
public sealed class AuditPruningTests : IAsyncLifetime
{
    private readonly AuditPlatform _platform = new(audit: new Dictionary<string, string?> { ["Audit:RetentionDays"] = "30" });
    private long _anchor;
    private long _head;

    public async Task InitializeAsync()
    {
        await _platform.InitializeAsync();
        _anchor = await _platform.CreatePartnersAsync(3);
        await _platform.CheckpointAsync();
        _platform.Clock.Advance(TimeSpan.FromDays(31));
        _head = await _platform.CreatePartnersAsync(3);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_platform).DisposeAsync();

    [Fact]
    public async Task OldEntries_ArePrunedUpToTheCheckpoint_AndTheChainVerifiesFromTheAnchor()
    {
        var anchor = await PruneAsync();

        Assert.Equal(_anchor, anchor!.Sequence);
        Assert.Equal(_anchor + 1, await _platform.WithDbAsync(db => db.AuditEntries.MinAsync(e => e.Sequence)));
        var result = await _platform.VerifyAsync();
        Assert.True(result["valid"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(_anchor, result["verifiedFromSequence"]!.GetValue<long>());
        Assert.Equal(_head - _anchor, result["entriesChecked"]!.GetValue<long>());
    }

    [Fact]
    public async Task OldEntries_WithoutACheckpointAmongThem_AreKept()
    {
        await ChainForger.DeleteAllCheckpointsAsync(_platform);
        await _platform.CheckpointAsync(); // a checkpoint of young entries only

        Assert.Null(await PruneAsync());
        Assert.Equal(1, await _platform.WithDbAsync(db => db.AuditEntries.MinAsync(e => e.Sequence)));
    }

    [Fact]
    public async Task AnEditedOldEntry_IsNotPrunedAway()
    {
        await ChainForger.EditAndRecomputeAsync(_platform, 2, "ptn_forged");

        Assert.Null(await PruneAsync());
        Assert.Equal(1, await _platform.WithDbAsync(db => db.AuditEntries.MinAsync(e => e.Sequence)));
        Assert.Equal(2, (await _platform.VerifyAsync())["firstBrokenEntry"]!["sequence"]!.GetValue<long>());
        Assert.Contains(_platform.Logs.All, l => l.Message.Contains("were not pruned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEditAfterPruning_IsStillNamed()
    {
        await PruneAsync();

        await ChainForger.EditAndRecomputeAsync(_platform, _anchor + 2, "ptn_forged");
        var result = await _platform.VerifyAsync();

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal(_anchor + 2, result["firstBrokenEntry"]!["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task EntriesDeletedBeyondTheAnchor_AreFound()
    {
        await PruneAsync();

        await _platform.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM audit_entries WHERE "Sequence" <= {_anchor + 1}"""));
        var result = await _platform.VerifyAsync();

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal(_anchor + 2, result["firstBrokenEntry"]!["sequence"]!.GetValue<long>());
        Assert.Contains("missing", result["firstBrokenEntry"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAnchorMovedForward_OrRemoved_IsFound()
    {
        await PruneAsync();

        await _platform.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE audit_anchors SET "Sequence" = {_anchor + 1}"""));
        Assert.Contains("anchor", (await _platform.VerifyAsync())["firstBrokenEntry"]!["reason"]!.GetValue<string>());

        await _platform.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_anchors"));
        var result = await _platform.VerifyAsync();
        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal(_anchor + 1, result["firstBrokenEntry"]!["sequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task AfterPruningEverything_NewEntriesChainFromTheAnchor()
    {
        await _platform.CheckpointAsync();
        _platform.Clock.Advance(TimeSpan.FromDays(31));
        await PruneAsync();
        Assert.Equal(0, await _platform.WithDbAsync(db => db.AuditEntries.CountAsync()));

        var head = await _platform.CreatePartnersAsync(1);
        var result = await _platform.VerifyAsync();

        Assert.Equal(_head + 1, head);
        Assert.True(result["valid"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(_head, result["verifiedFromSequence"]!.GetValue<long>());
    }

    private async Task<AuditAnchor?> PruneAsync()
    {
        await using var scope = _platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditPruning>().PruneAsync(CancellationToken.None);
    }
}

using System.Text.Json;
using Integration.Api.Audit;
using Integration.Application.Audit;
using Integration.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Audit;

/// <summary>An auditor's view: someone with write access to the database, but not the key, tries to rewrite or cut the log.</summary>
public sealed class AuditTamperingTests : IAsyncLifetime
{
    private readonly string _checkpointDirectory = Path.Combine(Path.GetTempPath(), "audit-checkpoints-" + Guid.NewGuid().ToString("N"));
    private readonly AuditPlatform _platform;

    public AuditTamperingTests() =>
        _platform = new AuditPlatform(audit: new Dictionary<string, string?> { ["Audit:CheckpointDirectory"] = _checkpointDirectory });

    public Task InitializeAsync() => _platform.InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_platform).DisposeAsync();
        if (Directory.Exists(_checkpointDirectory))
        {
            Directory.Delete(_checkpointDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnEditedEntry_WithEveryLaterHashRecomputedWithoutTheKey_IsNamed(bool passedOffAsLegacy)
    {
        await _platform.CreatePartnersAsync(4);

        await ChainForger.EditAndRecomputeAsync(_platform, 3, "ptn_someone_else", passedOffAsLegacy);
        var result = await _platform.VerifyAsync();

        Assert.False(result["valid"]!.GetValue<bool>());
        var broken = result["firstBrokenEntry"]!;
        Assert.Equal(3, broken["sequence"]!.GetValue<long>());
        Assert.Equal(await _platform.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence == 3).Select(e => e.Id).SingleAsync()), broken["entryId"]!.GetValue<string>());
        Assert.Contains(passedOffAsLegacy ? "without the key" : "changed", broken["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task EntriesAreMACedWithTheCurrentKey()
    {
        await _platform.CreatePartnersAsync(1);

        var entries = await _platform.WithDbAsync(db => db.AuditEntries.ToListAsync());

        Assert.All(entries, e => Assert.Equal(Infrastructure.PlatformFactory.AuditKeyId, e.KeyId));
        Assert.All(entries, e => Assert.NotEqual(AuditChain.ComputeHash(e), e.Hash));
    }

    [Fact]
    public async Task DeletedLastEntries_AfterACheckpoint_AreReportedAsTruncation()
    {
        var head = await _platform.CreatePartnersAsync(4);
        var checkpoint = await _platform.CheckpointAsync();
        Assert.Equal(head, checkpoint["sequence"]!.GetValue<long>());

        var intact = await _platform.VerifyAsync();
        Assert.True(intact["valid"]!.GetValue<bool>(), intact.ToJsonString());
        Assert.Equal(head, intact["latestCheckpoint"]!["sequence"]!.GetValue<long>());

        await ChainForger.DeleteEntriesAfterAsync(_platform, head - 2);
        var result = await _platform.VerifyAsync();

        Assert.False(result["valid"]!.GetValue<bool>());
        var broken = result["firstBrokenEntry"]!;
        Assert.Equal(head - 1, broken["sequence"]!.GetValue<long>());
        Assert.Null(broken["entryId"]);
        Assert.Contains($"reached entry {head}", broken["reason"]!.GetValue<string>());
        Assert.Contains("deleted", broken["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletedEntriesAndCheckpoints_AreStillDetected_ThroughTheCheckpointFile()
    {
        var head = await _platform.CreatePartnersAsync(3);
        await _platform.CheckpointAsync();

        await ChainForger.DeleteEntriesAfterAsync(_platform, head - 1);
        await ChainForger.DeleteAllCheckpointsAsync(_platform);
        var result = await _platform.VerifyAsync();

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal(head, result["firstBrokenEntry"]!["sequence"]!.GetValue<long>());
        Assert.Contains("deleted", result["firstBrokenEntry"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheCheckpointFile_HasOneSignedJsonLinePerCheckpoint()
    {
        var first = await _platform.CreatePartnersAsync(1);
        await _platform.CheckpointAsync();
        await _platform.CheckpointAsync(); // the head has not moved: nothing new to publish
        var second = await _platform.CreatePartnersAsync(1);
        await _platform.CheckpointAsync();

        var lines = await File.ReadAllLinesAsync(Path.Combine(_checkpointDirectory, AuditCheckpointFile.FileName));

        var checkpoints = lines.Select(l => JsonSerializer.Deserialize<AuditCheckpoint>(l, JsonSerializerOptions.Web)!).ToList();
        Assert.Equal([first, second], checkpoints.Select(c => c.Sequence));
        Assert.All(checkpoints, c => Assert.Equal(Infrastructure.PlatformFactory.AuditKeyId, c.KeyId));
        Assert.DoesNotContain(Infrastructure.PlatformFactory.AuditKey, string.Join('\n', lines));
    }

    [Fact]
    public async Task AnAlteredCheckpointFileLine_IsReported()
    {
        await _platform.CreatePartnersAsync(1);
        var checkpoint = await _platform.CheckpointAsync();
        var path = Path.Combine(_checkpointDirectory, AuditCheckpointFile.FileName);
        var line = (await File.ReadAllTextAsync(path)).Replace(
            $"\"sequence\":{checkpoint["sequence"]}", $"\"sequence\":{checkpoint["sequence"]!.GetValue<long>() + 5}");
        await File.WriteAllTextAsync(path, line);

        var result = await _platform.VerifyAsync();

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Contains("checkpoint file", result["firstBrokenEntry"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task EntriesWrittenBeforeTheChainWasKeyed_KeepVerifying_AndKeyedOnesFollowThem()
    {
        await _platform.CreatePartnersAsync(2);
        // The log as it was before this version: every entry a plain SHA-256 hash, no key id.
        await ChainForger.EditAndRecomputeAsync(_platform, 1, "bootstrap-target", asLegacy: true);
        Assert.True((await _platform.VerifyAsync())["valid"]!.GetValue<bool>());

        await _platform.CreatePartnersAsync(2);
        var result = await _platform.VerifyAsync();

        Assert.True(result["valid"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(5, result["entriesChecked"]!.GetValue<long>());
    }
}

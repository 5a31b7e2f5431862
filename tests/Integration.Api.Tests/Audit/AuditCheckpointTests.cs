using System.Net;
using Integration.Api.Audit;
using Integration.Application.Audit;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Audit;

/// <summary>Signed checkpoints: on demand, periodically when the chain grew, to the log stream, agreed between instances.</summary>
public sealed class AuditCheckpointTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task ACheckpoint_IsOneStructuredLineInTheLogStream_WithoutTheKey()
    {
        await using var platform = new AuditPlatform(_database);
        await platform.InitializeAsync();
        var head = await platform.CreatePartnersAsync(2);

        var checkpoint = await platform.CheckpointAsync();

        var line = Assert.Single(platform.Logs.All, l => l.EventId.Name == "AuditCheckpoint");
        Assert.Equal(head, Convert.ToInt64(line.Field("Sequence"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(checkpoint["headHash"]!.GetValue<string>(), line.Field("HeadHash"));
        Assert.Equal(checkpoint["mac"]!.GetValue<string>(), line.Field("Mac"));
        Assert.Equal(PlatformFactory.AuditKeyId, line.Field("KeyId"));
        Assert.Equal(await platform.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence == head).Select(e => e.Hash).SingleAsync()),
            checkpoint["headHash"]!.GetValue<string>());
        Assert.DoesNotContain(platform.Logs.All, l => l.Message.Contains(PlatformFactory.AuditKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PeriodicCheckpoints_AreWrittenOnlyWhenTheChainGrew()
    {
        await using var platform = new AuditPlatform(_database, new Dictionary<string, string?> { ["Audit:CheckpointInterval"] = "00:05:00" });
        await platform.InitializeAsync();
        var head = await platform.CreatePartnersAsync(1);

        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForAsync(async () => await platform.WithDbAsync(db => db.AuditCheckpoints.AnyAsync(c => c.Sequence == head)));
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        var grown = await platform.CreatePartnersAsync(1);
        platform.Clock.Advance(TimeSpan.FromMinutes(5));
        await WaitForAsync(async () => await platform.WithDbAsync(db => db.AuditCheckpoints.AnyAsync(c => c.Sequence == grown)));

        Assert.Equal([head, grown], await platform.WithDbAsync(db => db.AuditCheckpoints.OrderBy(c => c.Sequence).Select(c => c.Sequence).ToListAsync()));
        Assert.Equal(2, platform.Logs.All.Count(l => l.EventId.Name == "AuditCheckpoint"));
    }

    [Fact]
    public async Task TwoInstancesCheckpointingAtOnce_AgreeOnOneCheckpointPerSequence()
    {
        await using var first = new AuditPlatform(_database);
        await first.InitializeAsync();
        await using var second = new AuditPlatform(_database);
        await second.InitializeAsync();
        var head = await first.CreatePartnersAsync(3);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).CheckpointAsync()));

        Assert.All(answers, a => Assert.Equal(head, a["sequence"]!.GetValue<long>()));
        Assert.Single(answers.Select(a => a["headHash"]!.GetValue<string>()).Distinct());
        Assert.Equal(1, await first.WithDbAsync(db => db.AuditCheckpoints.CountAsync()));
        Assert.True((await second.VerifyAsync())["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnEmptyLog_HasNothingToCheckpoint()
    {
        await using var platform = new AuditPlatform(_database);
        await platform.InitializeAsync();
        await platform.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));

        var response = await (await platform.AdminClientAsync()).PostAsync("/admin/v1/audit-entries/checkpoints", null);

        await response.ReadProblemAsync(HttpStatusCode.Conflict, "audit_log_empty");
    }

    public void Dispose() => _database.Dispose();

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(await condition(), "the periodic checkpoint was not written");
    }
}

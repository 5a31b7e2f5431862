using System.Net;
using Integration.Api.Audit;
using Integration.Application.Audit;
using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Audit;

/// <summary>The audit chain key: from configuration, rotated by adding a key, required outside Development.</summary>
public sealed class AuditKeyTests : IDisposable
{
    private static readonly string OtherKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("another-audit-chain-key-32bytes!"));
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task AfterARotation_EntriesUnderTheOldAndTheNewKeyVerify()
    {
        await using (var before = new AuditPlatform(_database))
        {
            await before.InitializeAsync();
            await before.CreatePartnersAsync(2);
        }
        await using var after = new AuditPlatform(_database, new Dictionary<string, string?>
        {
            ["Audit:ChainKeys:1:Id"] = "test-2",
            ["Audit:ChainKeys:1:Key"] = OtherKey,
            ["Audit:CurrentKeyId"] = "test-2",
        });
        await after.InitializeAsync();
        await after.CreatePartnersAsync(2);

        var result = await after.VerifyAsync();

        Assert.True(result["valid"]!.GetValue<bool>(), result.ToJsonString());
        var keyIds = await after.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.KeyId).ToListAsync());
        Assert.Equal("test-1", keyIds[0]);
        Assert.Equal("test-2", keyIds[^1]);
        var listed = await (await (await after.AdminClientAsync()).GetAsync("/admin/v1/audit-entries?limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("test-2", listed["data"]!.AsArray()[^1]!["keyId"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheWrongKeyUnderTheRightId_FailsVerificationAtTheFirstEntry()
    {
        await using (var before = new AuditPlatform(_database))
        {
            await before.InitializeAsync();
            await before.CreatePartnersAsync(2);
            await before.CheckpointAsync();
        }
        await using var impostor = new AuditPlatform(_database, new Dictionary<string, string?> { ["Audit:ChainKeys:0:Key"] = OtherKey });
        await impostor.InitializeAsync();

        var result = await impostor.VerifyAsync();

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Equal(1, result["firstBrokenEntry"]!["sequence"]!.GetValue<long>());
        Assert.Contains("MAC", result["firstBrokenEntry"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task AKeyTakenOutOfConfiguration_IsNamedByItsId()
    {
        await using (var before = new AuditPlatform(_database))
        {
            await before.InitializeAsync();
        }
        await using var after = new AuditPlatform(_database, new Dictionary<string, string?>
        {
            ["Audit:ChainKeys:0:Id"] = "test-2",
            ["Audit:ChainKeys:0:Key"] = OtherKey,
            ["Audit:CurrentKeyId"] = "test-2",
        });
        await after.InitializeAsync();

        var result = await after.VerifyAsync();

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Contains("'test-1', which is not configured", result["firstBrokenEntry"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public void OutsideDevelopment_WithoutAKey_ThePlatformRefusesToStart()
    {
        using var platform = new AuditPlatform(_database, withoutKeys: true);

        var error = Assert.ThrowsAny<Exception>(() => platform.CreateClient());

        Assert.Contains("Audit:ChainKeys is not set", error.ToString());
    }

    [Fact]
    public void AKeyThatIsNotBase64OfEnoughBytes_IsRefusedAtStart_WithoutEchoingIt()
    {
        const string tooShort = "c2hvcnQta2V5";
        using var platform = new AuditPlatform(_database, new Dictionary<string, string?> { ["Audit:ChainKeys:0:Key"] = tooShort });

        var error = Assert.ThrowsAny<Exception>(() => platform.CreateClient()).ToString();

        Assert.Contains("Audit:ChainKeys:0:Key", error);
        Assert.DoesNotContain(tooShort, error);
    }

    [Fact]
    public async Task InDevelopment_WithoutConfiguration_AKeyIsMadeOnceAndKeptInAFileOutsideTheDatabase()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "audit-dev-" + Guid.NewGuid().ToString("N"));
        try
        {
            string firstKeyId;
            await using (var first = new AuditPlatform(_database, withoutKeys: true, developmentContentRoot: contentRoot))
            {
                await first.InitializeAsync();
                await first.CreatePartnersAsync(1);
                firstKeyId = await first.WithDbAsync(db => db.AuditEntries.Select(e => e.KeyId).FirstAsync()) ?? "";
            }
            var keyFile = Path.Combine(contentRoot, DevelopmentAuditKey.RelativePath);
            Assert.True(File.Exists(keyFile));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }
            var secret = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(keyFile)).RootElement.GetProperty("key").GetString()!;

            await using var second = new AuditPlatform(_database, withoutKeys: true, developmentContentRoot: contentRoot);
            await second.InitializeAsync();
            await second.CreatePartnersAsync(1);

            var result = await second.VerifyAsync();
            Assert.True(result["valid"]!.GetValue<bool>(), result.ToJsonString());
            Assert.StartsWith("dev-", firstKeyId);
            Assert.All(await second.WithDbAsync(db => db.AuditEntries.Select(e => e.KeyId).ToListAsync()), id => Assert.Equal(firstKeyId, id));
            var stored = await second.WithDbAsync(db => db.AuditEntries.Select(e => e.Hash + e.Details + e.KeyId).ToListAsync());
            Assert.DoesNotContain(stored, s => s.Contains(secret, StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(contentRoot))
            {
                Directory.Delete(contentRoot, recursive: true);
            }
        }
    }

    public void Dispose() => _database.Dispose();
}

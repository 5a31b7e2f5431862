using Integration.Api.Tests.Infrastructure;
using Integration.Cli;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Cli;

/// <summary><c>integration-admin audit verify</c> on a chain someone edited; the test owns its platform, so the edit does not leak.</summary>
public sealed class AuditCliTests : IAsyncLifetime
{
    private readonly PlatformFactory _platform = new();

    public Task InitializeAsync() => _platform.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_platform).DisposeAsync();

    [Fact]
    public async Task Verify_OfAnEditedChain_ExitsWithTheBrokenChainCode_AndNamesTheEntry()
    {
        for (var i = 0; i < 4; i++)
        {
            await _platform.CreatePartnerAsync();
        }
        await _platform.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Target\" = 'ptn_someone_else' WHERE \"Sequence\" = 3"));

        var result = await _platform.RunCliAsync("audit", "verify");

        Assert.Equal(ExitCodes.AuditChainBroken, result.ExitCode);
        Assert.Matches(@"(?m)^valid\s+false$", result.Output);
        Assert.Matches(@"(?m)^firstBrokenEntry\.sequence\s+3$", result.Output);
        Assert.StartsWith("The audit chain does not hold from entry 3: ", result.Error);
    }
}

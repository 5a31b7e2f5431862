using Integration.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Integration.Api.Tests.Hosting;

public sealed class MigrationTests(PlatformFactory platform) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task TheModel_HasAMigrationForEveryChange_OnThisProvider()
    {
        var pending = await platform.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, "The EF model changed without a migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task EveryMigration_IsApplied()
    {
        var pending = await platform.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());

        Assert.Empty(pending);
    }
}

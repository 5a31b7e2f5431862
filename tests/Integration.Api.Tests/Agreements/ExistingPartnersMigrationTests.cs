using Integration.Api.Tests.Infrastructure;
using Integration.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Integration.Api.Tests.Agreements;

/// <summary>A database from before agreements were kept as versions, upgraded: existing partners keep their numbers.</summary>
public sealed class ExistingPartnersMigrationTests
{
    private const string LastMigrationBeforeAgreements = "SandboxClockAdvances";

    [Fact]
    public async Task EveryExistingPartner_GetsASignedRecordedVersionOneWithItsNumbers_AndKeepsWorking()
    {
        using var database = new TestDatabase();
        await using (var old = Context(database))
        {
            await old.Database.GetService<IMigrator>().MigrateAsync(LastMigrationBeforeAgreements);
            await InsertPartnerAsync(old, "ptn_existing0000000000001", "advanced", "regional_distribution", "CN-SH", 0.25m, 3_000_000m);
            await InsertPartnerAsync(old, "ptn_existing0000000000002", "basic", "exclusive_agency", "CN-BJ", null, null);
        }
        await using var platform = new UpgradedPlatform(database);
        await platform.InitializeAsync();

        var versions = await platform.WithDbAsync(db => db.AgreementVersions.AsNoTracking().OrderBy(v => v.PartnerId).ToListAsync());
        var partners = await platform.WithDbAsync(db => db.Partners.AsNoTracking().OrderBy(p => p.Id).ToListAsync());
        var live = await platform.IssueCredentialAsync("ptn_existing0000000000001", "live");

        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.Equal((1, Core.Agreements.AgreementStatus.Signed, Core.Agreements.AgreementOrigin.Recorded), (v.Number, v.Status, v.Origin)));
        Assert.All(versions, v => Assert.Matches("^agv_[0-9a-z]{20}$", v.Id));
        Assert.Equal((0.25m, 3_000_000m), (versions[0].Terms.DiscountRate, versions[0].Terms.AnnualTarget));
        Assert.Equal("CN-BJ", versions[1].Terms.ExclusiveRegion);
        Assert.Equal(new DateOnly(2026, 3, 1), versions[0].Terms.EffectiveFrom);
        Assert.Equal(versions.Select(v => v.Id), partners.Select(p => p.Agreement.VersionId!));
        Assert.Equal((0.25m, 3_000_000m, (int?)null), (partners[0].Agreement.DiscountRate, partners[0].Agreement.AnnualTarget, partners[0].Agreement.PaymentTermDays));
        Assert.StartsWith("live_", live.ClientId);
    }

    private static IntegrationDbContext Context(TestDatabase database) => database.Provider == "PostgreSQL"
        ? new PostgresIntegrationDbContext(new DbContextOptionsBuilder<PostgresIntegrationDbContext>().UseNpgsql(database.ConnectionString).UseOpenIddict().Options)
        : new SqliteIntegrationDbContext(new DbContextOptionsBuilder<SqliteIntegrationDbContext>().UseSqlite(database.ConnectionString).UseOpenIddict().Options);

    private static async Task InsertPartnerAsync(
        IntegrationDbContext db, string id, string tier, string mode, string region, decimal? discount, decimal? target)
    {
        var createdAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var at = db.Database.IsNpgsql() ? createdAt : new DateTimeOffsetToBinaryConverter().ConvertToProvider(createdAt)!; // SQLite's stored form
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO partners ("Id", "Name", "Tier", "CreditRating", "CooperationMode", "RegionCode", "Status", "DiscountRate",
                "AnnualTargetMinor", "BusinessLicenceNumber", "QualificationVerifiedOn", "CreatedAt", "UpdatedAt", "Version")
            VALUES ({0}, {1}, {2}, 'B', {3}, {4}, 'active', {5}, {6}, '91310000MA1FL0000X', {7}, {8}, {8}, 1)
            """,
            id, "Existing " + id[^4..], tier, mode, region, (long)((discount ?? 0m) * 1_000_000m), (long)((target ?? 0m) * 100m),
            new DateOnly(2026, 1, 15), at);
        if (discount is null)
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE partners SET "DiscountRate" = NULL WHERE "Id" = {0}""", id);
        }
        if (target is null)
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE partners SET "AnnualTargetMinor" = NULL WHERE "Id" = {0}""", id);
        }
    }

    private sealed class UpgradedPlatform(TestDatabase database) : PlatformFactory(database);
}

using Integration.Core.Audit;
using Integration.Core.Credentials;
using Integration.Core.Partners;
using Integration.Data.Conventions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data;

/// <summary>
/// The platform's one database. Each provider has a subclass only so that it can carry its own
/// migrations (<see cref="SqliteIntegrationDbContext"/>, <see cref="PostgresIntegrationDbContext"/>).
/// </summary>
public abstract class IntegrationDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntegrationDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreEnumsAsSnakeCaseStrings(typeof(Partner).Assembly);
    }
}
